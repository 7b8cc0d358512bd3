package org.jingzhi.organization;

public class UnknownUnitException extends RuntimeException {

  public UnknownUnitException(String codeOrGroupId) {
    super("未知单位：" + codeOrGroupId);
  }
}
