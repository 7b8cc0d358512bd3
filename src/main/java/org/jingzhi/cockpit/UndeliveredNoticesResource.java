package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.UndeliveredNotices;
import org.jingzhi.organization.CurrentUser;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET …/notices/undelivered?status=GIVEN_UP|FAILED} and {@code POST …/notices/{id}/retry}: the notices that did not
 * reach their recipient, for the supervision office and administrators (they carry applicants' notices), as
 * {@code /api/notices/undelivered} answers them.
 */
public class UndeliveredNoticesResource extends OverseerResource {

  UndeliveredNoticesResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Path("undelivered")
  @Produces(MediaType.APPLICATION_JSON)
  public List<UndeliveredNotices.Entry> undelivered(@QueryParam("status") String status) {
    UndeliveredNotices notices = forCaseReader();
    if (status != null && !status.equals("GIVEN_UP") && !status.equals("FAILED")) {
      throw badRequest("status 须为 GIVEN_UP 或 FAILED");
    }
    return notices.list(status == null ? Notice.Status.GIVEN_UP : Notice.Status.valueOf(status), 100);
  }

  @POST
  @Path("{id}/retry")
  @Produces(MediaType.APPLICATION_JSON)
  public UndeliveredNotices.Entry retry(@PathParam("id") long id) {
    UndeliveredNotices notices = forCaseReader();
    switch (notices.retry(id, bean(CurrentUser.class).userId())) {
      case NOT_FOUND -> throw notFound("没有编号为 " + id + " 的通知");
      case NOT_UNDELIVERED -> throw conflict("该通知已送达或正在发送");
      case NO_ADDRESS -> throw conflict("该通知没有可发送的地址（平台内通知或未留联系方式）");
      case RETRIED -> { }
    }
    return notices.find(id).orElseThrow();
  }

  private UndeliveredNotices forCaseReader() {
    bean(Overseers.class).requireCaseReader("未送达的通知");
    return bean(UndeliveredNotices.class);
  }
}
