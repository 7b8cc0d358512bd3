package org.jingzhi.approval;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jingzhi.cases.Texts;

/** The body of {@code POST /api/joint-approvals}. */
@Schema(description = "申请 · an application")
public record ApplicationRequest(
    @Schema(description = "事项，见 GET /api/catalogue/matters · the matter type", example = "restaurant-opening",
        requiredMode = REQUIRED) String matterType,
    @Schema(description = "项目名称 · project name", example = "张三餐饮店开业", requiredMode = REQUIRED) String projectName,
    @Schema(requiredMode = REQUIRED) Applicant applicant,
    @Schema(description = "提交的材料 · materials handed in", example = "[\"营业执照申请书\", \"食品经营许可申请书\"]",
        requiredMode = REQUIRED) List<String> materials) {

  @Schema(description = "申请人：个人填身份证号，单位填统一社会信用代码 · the applicant: a person's ID number or an organisation's credit code")
  public record Applicant(
      @Schema(description = "姓名或单位名称 · name", example = "张三", requiredMode = REQUIRED) String name,
      @Schema(description = "个人：居民身份证号（校验位须正确），不填 creditCode · a person's ID number, valid check digit",
          example = "11010519491231002X") String idNumber,
      @Schema(description = "单位：统一社会信用代码（校验位须正确），不填 idNumber · an organisation's unified social credit code",
          example = "91350100M000100Y43") String creditCode,
      @Schema(description = "手机号 · mobile phone", example = "13800138000", requiredMode = REQUIRED) String phone,
      @Schema(description = "电子邮箱（可选），通知同时发到此邮箱 · e-mail address, optional; notices go there too",
          example = "zhangsan@example.cn") String email) {
  }

  CaseApplication toApplication() {
    Applicant person = applicant == null ? new Applicant(null, null, null, null, null) : applicant;
    String materialLines = materials == null ? null
        : String.join("\n", materials.stream().map(material -> material == null ? "" : material.replace('\n', ' ')).toList());
    return new CaseApplication(Texts.text(matterType), Texts.text(projectName), Texts.text(person.name()),
        Texts.text(person.idNumber()), Texts.text(person.creditCode()), Texts.text(person.phone()), Texts.text(person.email()),
        materialLines);
  }
}
