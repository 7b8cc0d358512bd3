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
 * stay as they were.
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

  /** Reads with the command's own connection, so it sees what the engine's statement would. */
  static boolean anyGrant(DbSqlSession session, String userId, List<String> groupIds, List<PermissionCheck> checks) {
    DbSqlSessionFactory factory = session.getDbSqlSessionFactory();
    String sql = statement(factory.getDatabaseType(), factory.getDatabaseTablePrefix(), groupIds.size(), checks.size());
    Connection connection = session.getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
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
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next() && answer.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw ExceptionUtil.wrapPersistenceException(e);  // as the engine's own statements fail: no driver text for clients
    }
  }

  /** The engine's per-command question whether any revoke could apply: one of the user, of everyone or of their groups. */
  static boolean anyRevoke(DbSqlSession session, String userId, List<String> groupIds) {
    DbSqlSessionFactory factory = session.getDbSqlSessionFactory();
    String sql = "SELECT CASE WHEN EXISTS (SELECT ID_ FROM " + factory.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION WHERE TYPE_ = 2"
        + " AND (USER_ID_ IN (?, '*')" + (groupIds.isEmpty() ? "" : " OR GROUP_ID_ IN (" + "?, ".repeat(groupIds.size() - 1) + "?)")
        + ")) THEN 1 ELSE 0 END " + DbSqlSessionFactory.databaseSpecificDummyTable.get(factory.getDatabaseType());
    try (PreparedStatement statement = session.getSqlSession().getConnection().prepareStatement(sql)) {
      int index = 1;
      statement.setString(index++, userId);
      for (String group : groupIds) {
        statement.setString(index++, group);
      }
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next() && answer.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw ExceptionUtil.wrapPersistenceException(e);
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
   * One {@code WHEN EXISTS} for each check, resource (its id, then all of its kind) and holder (the groups, the user,
   * everyone), each an equality on the engine's unique indexes of grants, as the engine's own statement looks them up.
   */
  private static String statement(String databaseType, String prefix, int groups, int checks) {
    String perms = DbSqlSessionFactory.databaseSpecificBitAnd1.get(databaseType) + "A.PERMS_"
        + DbSqlSessionFactory.databaseSpecificBitAnd2.get(databaseType) + "?" + DbSqlSessionFactory.databaseSpecificBitAnd3.get(databaseType)
        + " = ?";
    String resource = " AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = ? AND " + perms + ") THEN 1";
    String grants = " WHEN EXISTS (SELECT A.ID_ FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE ";
    StringBuilder sql = new StringBuilder("SELECT CASE");
    for (int check = 0; check < checks * 2; check++) {
      if (groups > 0) {
        sql.append(grants).append("A.TYPE_ = 1 AND A.GROUP_ID_ IN (").append("?, ".repeat(groups - 1)).append("?)").append(resource);
      }
      sql.append(grants).append("A.TYPE_ = 1 AND A.USER_ID_ = ?").append(resource);
      sql.append(grants).append("A.TYPE_ = 0 AND A.USER_ID_ = '*'").append(resource);
    }
    return sql.append(" ELSE 0 END ").append(DbSqlSessionFactory.databaseSpecificDummyTable.get(databaseType)).toString();
  }
}
