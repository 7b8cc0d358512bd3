package org.jingzhi.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.jingzhi.engine.RefusedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidRequestException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(RefusedInputException.class)
  ResponseEntity<ApiError> refused(RefusedInputException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noSuchPath(NoResourceFoundException e) {
    return answer(HttpStatus.NOT_FOUND, "没有这个地址：/" + e.getResourcePath());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return answer(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(GoneException.class)
  ResponseEntity<ApiError> gone(GoneException e) {
    return answer(HttpStatus.GONE, e.getMessage());
  }

  /** Someone changed the same case at the same moment and the engine refused the later change: nothing happened, try again. */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ApiError> concurrentChange(OptimisticLockingException e) {
    return answer(HttpStatus.CONFLICT, "该案件正被他人同时办理，本次操作未生效，请稍后重试");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return answer(HttpStatus.FORBIDDEN, "无权执行此操作");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON 或字段类型不符");
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> badParameter(Exception e) {
    return answer(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> badMethod(HttpRequestMethodNotSupportedException e) {
    return answer(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法：" + e.getMethod());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> badMediaType(HttpMediaTypeNotSupportedException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求体须为 application/json");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (databaseUnavailable(e)) {
      LOG.warn("The database cannot be reached: {}", e.getMessage());
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时无法连接，本次操作未生效，请稍后重试");
    }
    LOG.error("Unexpected error in API call", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试或联系管理员");
  }

  /**
   * The database is down or restarting: no connection, or one that broke (SQL state class 08, or PostgreSQL's 57P01–57P03
   * while it shuts down or starts). Nothing was written; the same request succeeds once it is back.
   */
  static boolean databaseUnavailable(Throwable error) {
    return databaseUnavailable(error, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  /** Follows causes, suppressed exceptions and the failure a rollback overrode (the connection broke mid-transaction). */
  private static boolean databaseUnavailable(Throwable error, java.util.Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return false;
    }
    if (error instanceof CannotGetJdbcConnectionException || error instanceof CannotCreateTransactionException
        || error instanceof java.sql.SQLTransientConnectionException || error instanceof java.sql.SQLNonTransientConnectionException) {
      return true;
    }
    if (error instanceof java.sql.SQLException sql && sql.getSQLState() != null
        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
      return true;
    }
    if (error instanceof TransactionSystemException rollback && databaseUnavailable(rollback.getApplicationException(), seen)) {
      return true;
    }
    for (Throwable suppressed : error.getSuppressed()) {
      if (databaseUnavailable(suppressed, seen)) {
        return true;
      }
    }
    return databaseUnavailable(error.getCause(), seen);
  }

  static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), message));
  }
}
