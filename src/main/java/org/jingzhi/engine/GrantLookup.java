package org.jingzhi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;

/**
 * Whether a grant answers a permission check, asked in one plain statement of index look-ups: is there a grant of one of
 * the user's groups, of the user or of everyone on one of the checked resources (or on all of its kind) with the
 * permission.
 *
 * <p>The engine asks the same with a statement generated per check — for each alternative a chain of {@code CASE WHEN
 * EXISTS} over the user's, the groups' and the global grants and revokes — and building that statement cost more
 * processor time than anything else a task's claim or completion does (README 「Performance at city scale」). When no
 * revoke authorization can apply, the engine's chain answers yes exactly when one of those grants exists: every branch
 * that could answer no is a revoke. So this lookup is asked only where that holds (the caller asks the engine's own
 * per-command test whether revokes apply), for alternatives of single resources
 * ({@link #answers}); and it only says yes — finding no grant, the caller asks the engine, whose answer and refusal
 * stay as they were. A command's first check asks both in one statement ({@link #revokeOrGrant}): a client's claim or
 * completion is one command, and its first check was two round trips to the database.
 */
final class GrantLookup {

  private GrantLookup() {
  }

  /** Alternatives of resources by id, each refused when no authorization is found: what the lookup can decide. */
  static boolean answers(CompositePermissionCheck check) {
    List<PermissionCheck> atomic = check.getAtomicChecks();
    return (check.getCompositeChecks() == null || check.getCompositeChecks().isEmpty())
        && atomic != null && !atomic.isEmpty() && (atomic.size() == 1 || check.isDisjunctive())
        && atomic.stream().allMatch(each -> each.getResourceIdQueryParam() == null && each.getAuthorizationNotFoundReturnValue() == null);
  }

  /** The command's own connection, so that the lookup sees what the engine's statement would, and how to write for it. */
  record Database(Connection connection, String type, String prefix) {

    static Database of(DbSqlSession session) {
      DbSqlSessionFactory factory = session.getDbSqlSessionFactory();
      return new Database(session.getSqlSession().getConnection(), factory.getDatabaseType(), factory.getDatabaseTablePrefix());
    }
  }

  /** What the combined statement found: a revoke that could apply comes first, as the engine's test for revokes would. */
  enum Found {
    REVOKE_CAN_APPLY, GRANT, NOTHING
  }

  static boolean anyGrant(Database database, String userId, List<String> groupIds, List<PermissionCheck> checks) {
    return ask(database, answerOf(database, grantBranches(database, groupIds.size(), checks.size())),
        statement -> bindGrants(statement, 1, userId, groupIds, checks)) == 1;
  }

  /** The engine's per-command question whether any revoke could apply: one of the user, of everyone or of their groups. */
  static boolean anyRevoke(Database database, String userId, List<String> groupIds) {
    return ask(database, answerOf(database, revokeBranch(database, groupIds.size(), 1)),
        statement -> bindRevokes(statement, 1, userId, groupIds)) == 1;
  }

  /**
   * Both questions in one statement, for a command's first permission check: whether a revoke could apply (then the
   * grants do not matter) and, if none can, whether a grant answers the check.
   */
  static Found revokeOrGrant(Database database, String userId, List<String> groupIds, List<PermissionCheck> checks) {
    String sql = answerOf(database, revokeBranch(database, groupIds.size(), 2) + grantBranches(database, groupIds.size(), checks.size()));
    int answer = ask(database, sql, statement -> bindGrants(statement, bindRevokes(statement, 1, userId, groupIds), userId, groupIds, checks));
    return answer == 2 ? Found.REVOKE_CAN_APPLY : answer == 1 ? Found.GRANT : Found.NOTHING;
  }

  /** A statement answering the first of its {@code WHEN … THEN n} branches that holds, or 0. */
  private static String answerOf(Database database, String branches) {
    return "SELECT CASE" + branches + " ELSE 0 END " + dummyTable(database);
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static int ask(Database database, String sql, Binder binder) {
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next() ? answer.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw ExceptionUtil.wrapPersistenceException(e);  // as the engine's own statements fail: no driver text for clients
    }
  }

  private static String revokeBranch(Database database, int groups, int answer) {
    return " WHEN EXISTS (SELECT ID_ FROM " + database.prefix() + "ACT_RU_AUTHORIZATION WHERE TYPE_ = 2"
        + " AND (USER_ID_ IN (?, '*')" + (groups == 0 ? "" : " OR GROUP_ID_ IN (" + "?, ".repeat(groups - 1) + "?)") + ")) THEN " + answer;
  }

  private static int bindRevokes(PreparedStatement statement, int index, String userId, List<String> groupIds) throws SQLException {
    statement.setString(index++, userId);
    for (String group : groupIds) {
      statement.setString(index++, group);
    }
    return index;
  }

  private static void bindGrants(PreparedStatement statement, int index, String userId, List<String> groupIds, List<PermissionCheck> checks)
      throws SQLException {
    for (PermissionCheck check : checks) {
      for (String resourceId : new String[] {check.getResourceId(), "*"}) {
        if (!groupIds.isEmpty()) {
          for (String group : groupIds) {
            statement.setString(index++, group);
          }
          index = bindResource(statement, index, check, resourceId);
        }
        statement.setString(index++, userId);
        index = bindResource(statement, index, check, resourceId);
        index = bindResource(statement, index, check, resourceId);
      }
    }
  }

  private static int bindResource(PreparedStatement statement, int index, PermissionCheck check, String resourceId) throws SQLException {
    statement.setInt(index++, check.getResourceType());
    statement.setString(index++, resourceId);
    statement.setInt(index++, check.getPerms());
    statement.setInt(index++, check.getPerms());
    return index;
  }

  /**
   * One {@code WHEN EXISTS … THEN 1} for each check, resource (its id, then all of its kind) and holder (the groups, the
   * user, everyone), each an equality on the engine's unique indexes of grants, as the engine's own statement looks them up.
   */
  private static String grantBranches(Database database, int groups, int checks) {
    String perms = DbSqlSessionFactory.databaseSpecificBitAnd1.get(database.type()) + "A.PERMS_"
        + DbSqlSessionFactory.databaseSpecificBitAnd2.get(database.type()) + "?" + DbSqlSessionFactory.databaseSpecificBitAnd3.get(database.type())
        + " = ?";
    String resource = " AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = ? AND " + perms + ") THEN 1";
    String grants = " WHEN EXISTS (SELECT A.ID_ FROM " + database.prefix() + "ACT_RU_AUTHORIZATION A WHERE ";
    StringBuilder sql = new StringBuilder();
    for (int check = 0; check < checks * 2; check++) {
      if (groups > 0) {
        sql.append(grants).append("A.TYPE_ = 1 AND A.GROUP_ID_ IN (").append("?, ".repeat(groups - 1)).append("?)").append(resource);
      }
      sql.append(grants).append("A.TYPE_ = 1 AND A.USER_ID_ = ?").append(resource);
      sql.append(grants).append("A.TYPE_ = 0 AND A.USER_ID_ = '*'").append(resource);
    }
    return sql.toString();
  }

  private static String dummyTable(Database database) {
    return DbSqlSessionFactory.databaseSpecificDummyTable.get(database.type());
  }
}
