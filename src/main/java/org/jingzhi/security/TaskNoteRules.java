package org.jingzhi.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jingzhi.engine.RefusedInputException;

/**
 * Comments and attachments are part of a case's record: written only on a task, by users who may
 * work that task, within sane sizes, and read by those who may read that task. Read-only users
 * (supervision) write none; changing or deleting what was written is for administrators; reading
 * those of a whole case, across the units that worked on it, for supervision and administrators.
 */
final class TaskNoteRules {

  static final int MAX_COMMENT = 2000;
  static final int MAX_NAME = 255;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_CONTENT_BYTES = 10 * 1024 * 1024;

  private TaskNoteRules() {
  }

  static void checkComment(CommandContext context, String taskId, String message) {
    mayWork(context, taskId);
    if (message == null || message.isBlank()) {
      throw new RefusedInputException("意见内容不能为空");
    }
    if (message.length() > MAX_COMMENT) {
      throw new RefusedInputException("意见不超过 " + MAX_COMMENT + " 字，当前 " + message.length() + " 字");
    }
  }

  /** Checks the attachment and returns its content read into memory (at most the limit), or null. */
  static InputStream checkAttachment(CommandContext context, String taskId, String name, String description, String url, InputStream content) {
    mayWork(context, taskId);
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new RefusedInputException("附件须有名称，不超过 " + MAX_NAME + " 字");
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new RefusedInputException("附件说明不超过 " + MAX_DESCRIPTION + " 字");
    }
    if (url != null && !isWebAddress(url)) {
      throw new RefusedInputException("附件链接须为 http 或 https 地址，不超过 " + MAX_DESCRIPTION + " 字");
    }
    return content == null ? null : bounded(content);
  }

  private static boolean isWebAddress(String url) {
    try {
      String scheme = URI.create(url).getScheme();
      return url.length() <= MAX_DESCRIPTION && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static InputStream bounded(InputStream content) {
    try (content) {
      byte[] bytes = content.readNBytes(MAX_CONTENT_BYTES + 1);
      if (bytes.length > MAX_CONTENT_BYTES) {
        throw new RefusedInputException("附件不超过 " + MAX_CONTENT_BYTES / 1024 / 1024 + " MB");
      }
      return new ByteArrayInputStream(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The engine reads notes without any check; the task's own readers (now or in history) may. */
  static void checkRead(CommandContext context, String taskId) {
    AuthorizationManager authorizations = context.getAuthorizationManager();
    if (taskId == null || !authorizations.isAuthorized(Permissions.READ, Resources.TASK, taskId)
        && !authorizations.isAuthorized(HistoricTaskPermissions.READ, Resources.HISTORIC_TASK, taskId)) {
      throw new AuthorizationException("只能查看本单位任务的意见和附件");
    }
  }

  private static void mayWork(CommandContext context, String taskId) {
    if (taskId == null) {
      throw new AuthorizationException("意见和附件只能写在任务上；流程实例级的意见和附件仅限管理员");
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new NotFoundException("没有这个任务（" + taskId + "），可能已办结");
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
  }
}
