package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.springframework.context.ApplicationContext;

/** {@code GET …/trail/{number}}: the audit trail 「案件轨迹」 of a case ({@code LH-…}) or event ({@code SJ-…}), running or ended. */
public class TrailResource extends OverseerResource {

  private final String number;

  TrailResource(String engineName, ApplicationContext beans, String number) {
    super(engineName, beans);
    this.number = number;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public CaseTrail.Trail trail() {
    CaseTrail trail = forOverseer(CaseTrail.class);
    if (number != null && number.startsWith(CaseTrail.JOINT_APPROVAL_PREFIX)) {
      bean(Overseers.class).requireCaseReader("联合审批案件的轨迹");
    }
    return trail.of(number);
  }
}
