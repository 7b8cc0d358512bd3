package org.jingzhi.notice;

import java.util.Map;

/** A notice to a unit, told with the others of the same step ({@link Notices#tellUnits}). */
public record UnitNotice(Cause cause, String unit, NoticeTemplate template, Map<String, String> parameters) {
}
