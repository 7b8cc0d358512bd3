package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;
import static org.jingzhi.cases.Texts.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jingzhi.cases.PersonalData;

/**
 * An application for a joint approval as the process keeps it: flat variables, materials one per
 * line. {@link #problems} lists what is wrong in Chinese; an empty list means it may be submitted.
 */
public record CaseApplication(String matterType, String projectName, String applicantName, String applicantIdNumber,
                              String applicantCreditCode, String applicantPhone, String applicantEmail, String materials) {

  /** The variables an application is kept in. */
  static final List<String> NAMES = List.of(MATTER_TYPE, PROJECT_NAME, APPLICANT_NAME, APPLICANT_ID_NUMBER, APPLICANT_CREDIT_CODE,
      APPLICANT_PHONE, APPLICANT_EMAIL, MATERIALS);

  static final int MAX_NAME = 50;
  static final int MAX_PROJECT = 200;
  static final int MAX_MATERIAL = 200;
  static final int MAX_MATERIALS = 50;

  public static CaseApplication fromVariables(Map<String, Object> variables) {
    return new CaseApplication(text(variables.get(MATTER_TYPE)), text(variables.get(PROJECT_NAME)), text(variables.get(APPLICANT_NAME)),
        text(variables.get(APPLICANT_ID_NUMBER)), text(variables.get(APPLICANT_CREDIT_CODE)), text(variables.get(APPLICANT_PHONE)),
        text(variables.get(APPLICANT_EMAIL)), text(variables.get(MATERIALS)));
  }

  public List<String> materialList() {
    return materials == null ? List.of() : materials.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
  }

  /** {@code matterTypes}: the types the matter catalogue knows. */
  public List<String> problems(List<String> matterTypes) {
    List<String> problems = new ArrayList<>();
    if (matterType == null) {
      problems.add("缺少事项类型 matterType（可选：" + String.join("、", matterTypes) + "）");
    } else if (!matterTypes.contains(matterType)) {
      problems.add("未知的事项类型：" + (matterType.length() > 50 ? matterType.substring(0, 50) + "…" : matterType) + "（可选："
          + String.join("、", matterTypes) + "；见 GET /api/catalogue/matters）");
    }
    requireText(problems, projectName, "项目名称 projectName", MAX_PROJECT);
    requireText(problems, applicantName, "申请人姓名 applicant.name", MAX_NAME);
    if ((applicantIdNumber == null) == (applicantCreditCode == null)) {
      problems.add("申请人须提供身份证号码 idNumber 或统一社会信用代码 creditCode 之一");
    } else if (applicantIdNumber != null && !PersonalData.isIdNumber(applicantIdNumber)) {
      problems.add("身份证号码无效（18 位，末位校验码须正确）");
    } else if (applicantCreditCode != null && !PersonalData.isCreditCode(applicantCreditCode)) {
      problems.add("统一社会信用代码无效（18 位，末位校验码须正确）");
    }
    if (applicantPhone == null) {
      problems.add("缺少申请人联系电话 applicant.phone");
    } else if (!PersonalData.isPhone(applicantPhone)) {
      problems.add("联系电话格式不正确：" + applicantPhone);
    }
    if (applicantEmail != null && !PersonalData.isEmail(applicantEmail)) {
      problems.add("电子邮箱格式不正确 applicant.email");
    }
    List<String> lines = materialList();
    if (lines.isEmpty()) {
      problems.add("至少提交一份申请材料 materials");
    } else if (lines.size() > MAX_MATERIALS) {
      problems.add("申请材料最多 " + MAX_MATERIALS + " 项");
    } else if (lines.stream().anyMatch(line -> line.length() > MAX_MATERIAL)) {
      problems.add("每项申请材料名称不超过 " + MAX_MATERIAL + " 字");
    }
    return problems;
  }

  /**
   * The variables of a valid application, without those the applicant left out (the identifier not given, the e-mail):
   * each variable costs the case a runtime row, its deletion and a history row, and an absent one reads as {@code null}
   * wherever the case is shown.
   */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(MATTER_TYPE, matterType);
    variables.put(PROJECT_NAME, projectName);
    variables.put(APPLICANT_NAME, applicantName);
    variables.put(APPLICANT_ID_NUMBER, applicantIdNumber);
    variables.put(APPLICANT_CREDIT_CODE, applicantCreditCode);
    variables.put(APPLICANT_PHONE, applicantPhone);
    variables.put(APPLICANT_EMAIL, applicantEmail);
    variables.put(MATERIALS, String.join("\n", materialList()));
    variables.values().removeIf(Objects::isNull);
    return variables;
  }

  private static void requireText(List<String> problems, String value, String label, int max) {
    if (value == null) {
      problems.add("缺少" + label);
    } else if (value.length() > max) {
      problems.add(label + "不超过 " + max + " 字");
    }
  }

}
