package org.jingzhi.approval;

import java.util.List;
import org.jingzhi.cases.Texts;

/** The body of {@code POST /api/joint-approvals}. */
public record ApplicationRequest(String matterType, String projectName, Applicant applicant, List<String> materials) {

  public record Applicant(String name, String idNumber, String creditCode, String phone) {
  }

  CaseApplication toApplication() {
    Applicant person = applicant == null ? new Applicant(null, null, null, null) : applicant;
    String materialLines = materials == null ? null
        : String.join("\n", materials.stream().map(material -> material == null ? "" : material.replace('\n', ' ')).toList());
    return new CaseApplication(Texts.text(matterType), Texts.text(projectName), Texts.text(person.name()),
        Texts.text(person.idNumber()), Texts.text(person.creditCode()), Texts.text(person.phone()),
        materialLines);
  }
}
