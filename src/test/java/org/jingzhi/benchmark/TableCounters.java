package org.jingzhi.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * Where a database's reads and writes go, table by table, from PostgreSQL's own counters ({@code pg_stat_user_tables} and
 * {@code pg_stat_user_indexes}, no extension needed): rows read by sequential scans and index entries returned by index
 * scans — what {@code pg_stat_database.tup_returned} counts, but for the system catalogs' reads — and rows inserted,
 * updated and deleted. Taken around the database's counters (a second before them, right after them), so the tables' counts
 * also hold that second's polling of the job executor and the notice dispatcher.
 */
final class TableCounters {

  /** One table's counts: read by sequential scans, read through its indexes, inserted, updated, deleted. */
  record Counts(long seqRead, long indexRead, long inserted, long updated, long deleted) {

    Counts plus(Counts other) {
      return new Counts(seqRead + other.seqRead, indexRead + other.indexRead, inserted + other.inserted, updated + other.updated,
          deleted + other.deleted);
    }

    Counts minus(Counts before) {
      return new Counts(seqRead - before.seqRead, indexRead - before.indexRead, inserted - before.inserted,
          updated - before.updated, deleted - before.deleted);
    }

    long written() {
      return inserted + updated + deleted;
    }

    long read() {
      return seqRead + indexRead;
    }
  }

  private TableCounters() {
  }

  static Map<String, Counts> snapshot(String database) throws Exception {
    Map<String, Counts> tables = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
         ResultSet rows = connection.createStatement().executeQuery("SELECT t.relname, COALESCE(t.seq_tup_read, 0),"
             + " COALESCE((SELECT SUM(i.idx_tup_read) FROM pg_stat_user_indexes i WHERE i.relid = t.relid), 0),"
             + " t.n_tup_ins, t.n_tup_upd, t.n_tup_del FROM pg_stat_user_tables t")) {
      while (rows.next()) {
        tables.put(rows.getString(1).toLowerCase(), new Counts(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
            rows.getLong(6)));
      }
    }
    return tables;
  }

  /** Index entries returned by each index's scans ({@code pg_stat_user_indexes.idx_tup_read}), as "table.index". */
  static Map<String, Long> indexReads(String database) throws Exception {
    Map<String, Long> indexes = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
         ResultSet rows = connection.createStatement().executeQuery(
             "SELECT lower(relname) || '.' || lower(indexrelname), idx_tup_read FROM pg_stat_user_indexes")) {
      while (rows.next()) {
        indexes.put(rows.getString(1), rows.getLong(2));
      }
    }
    return indexes;
  }

  /** Per case, the indexes Jingzhi read most, with the bare engine's reads of the same index. */
  static String perIndex(Map<String, Long> bare, Map<String, Long> jingzhi, int cases, int limit) {
    StringBuilder out = new StringBuilder(String.format("%nIndex entries read per case, Jingzhi's most read indexes (pg_stat_user_indexes)%n"
        + "| index | bare | Jingzhi |%n|---|---|---|%n"));
    jingzhi.entrySet().stream()
        .filter(index -> index.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(limit)
        .forEach(index -> out.append(String.format("| %s | %.1f | %.1f |%n", index.getKey(),
            bare.getOrDefault(index.getKey(), 0L) / (double) cases, index.getValue() / (double) cases)));
    return out.toString();
  }

  /** What each table's or index's count grew by from {@code before} to {@code after} ({@code zero} where it was new). */
  static <V> Map<String, V> difference(Map<String, V> before, Map<String, V> after, V zero, BinaryOperator<V> minus) {
    Map<String, V> grown = new HashMap<>();
    after.forEach((name, count) -> grown.put(name, minus.apply(count, before.getOrDefault(name, zero))));
    return grown;
  }

  /** Two runs' counts together, name by name. */
  static <V> Map<String, V> sum(Map<String, V> one, Map<String, V> other, BinaryOperator<V> plus) {
    Map<String, V> both = new HashMap<>(one);
    other.forEach((name, count) -> both.merge(name, count, plus));
    return both;
  }

  /** Per case, the tables either engine read or wrote, the most read first: the bare engine's figures next to Jingzhi's. */
  static String perCase(Map<String, Counts> bare, Map<String, Counts> jingzhi, int cases) {
    StringBuilder out = new StringBuilder(String.format("%nRows per case by table (pg_stat_user_tables; read = sequential + index)%n"
        + "| table | read: bare | read: Jingzhi (of it sequential) | written: bare | written: Jingzhi (ins/upd/del) |%n|---|---|---|---|---|%n"));
    TreeSet<String> tables = new TreeSet<>(bare.keySet());
    tables.addAll(jingzhi.keySet());
    Counts none = new Counts(0, 0, 0, 0, 0);
    tables.stream()
        .filter(table -> bare.getOrDefault(table, none).read() + bare.getOrDefault(table, none).written()
            + jingzhi.getOrDefault(table, none).read() + jingzhi.getOrDefault(table, none).written() > 0)
        .sorted((a, b) -> Long.compare(jingzhi.getOrDefault(b, none).read() + jingzhi.getOrDefault(b, none).written(),
            jingzhi.getOrDefault(a, none).read() + jingzhi.getOrDefault(a, none).written()))
        .forEach(table -> {
          Counts b = bare.getOrDefault(table, none);
          Counts j = jingzhi.getOrDefault(table, none);
          out.append(String.format("| %s | %.1f | %.1f (%.1f) | %.1f | %.1f (%.1f/%.1f/%.1f) |%n", table, b.read() / (double) cases,
              j.read() / (double) cases, j.seqRead() / (double) cases, b.written() / (double) cases, j.written() / (double) cases,
              j.inserted() / (double) cases, j.updated() / (double) cases, j.deleted() / (double) cases));
        });
    return out.toString();
  }
}
