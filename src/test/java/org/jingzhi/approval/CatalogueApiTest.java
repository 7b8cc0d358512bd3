package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The valid values an integrator needs, served next to the API, and named in its 400 answers. */
@IntegrationTest
class CatalogueApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void mattersComeFromTheDmnCatalogueWithTheirDepartments() throws Exception {
    JsonNode matters = JSON.readTree(new Http(port).get("window", "/api/catalogue/matters").body());

    assertThat(matters.findValuesAsText("matterType")).contains("restaurant-opening", "clinic-opening", "construction-permit");
    JsonNode restaurant = matters.get(0);
    assertThat(restaurant.get("name").asText()).isEqualTo("餐饮店开业一件事");
    assertThat(restaurant.get("totalLimitDays").asInt()).isEqualTo(10);
    assertThat(restaurant.get("departments").findValuesAsText("department")).containsExactly("market", "fire", "ecology", "urban");
    assertThat(restaurant.get("departments").get(1).get("limitDays").asInt()).isEqualTo(7);
  }

  @Test
  void eventCategoriesComeFromTheDmnCatalogue() throws Exception {
    JsonNode categories = JSON.readTree(new Http(port).get("hotline", "/api/catalogue/event-categories").body());

    assertThat(categories.findValuesAsText("category")).containsExactly("road-occupation", "garbage", "noise", "water-leak",
        "illegal-construction", "fire-hazard");
    JsonNode waterLeak = categories.get(3);
    assertThat(waterLeak.get("name").asText()).isEqualTo("供水管道漏水");
    assertThat(waterLeak.get("startLevel").asText()).isEqualTo("street");
    assertThat(waterLeak.get("limitDays").toString()).isEqualTo("{\"street\":1,\"district\":2,\"city\":2}");
    assertThat(waterLeak.get("communityMayHandle").asBoolean()).isFalse();
    JsonNode illegalConstruction = categories.get(4);
    assertThat(illegalConstruction.get("ownerDepartment").asText()).as("权责清单").isEqualTo("urban");
    assertThat(illegalConstruction.get("coHandlers").toString()).isEqualTo("[\"planning\"]");
    assertThat(illegalConstruction.get("summonDepartments").toString()).isEqualTo("[\"urban\",\"planning\"]");
    assertThat(categories.get(2).get("communityMayHandle").asBoolean()).as("社区工作准入目录: noise").isTrue();
  }

  @Test
  void unitsComeFromTheOrgTreeByType() throws Exception {
    Http http = new Http(port);
    JsonNode communities = JSON.readTree(http.get("hotline", "/api/catalogue/units?type=community").body());

    assertThat(communities).hasSize(8);
    assertThat(communities.findValuesAsText("code")).contains("990101001001", "990102002002");
    assertThat(communities.get(0).get("type").asText()).isEqualTo("community");
    Http.Response unknown = http.get("hotline", "/api/catalogue/units?type=planet");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("community", "department");
    assertThat(http.get(null, "/api/catalogue/matters").status()).isEqualTo(401);
  }

  @Test
  void a400NamesTheValidValues() {
    Http http = new Http(port);
    Http.Response matter = http.post("window", "/api/joint-approvals", "{\"matterType\":\"bakery-opening\",\"projectName\":\"面包房\","
        + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"申请书\"]}");
    Http.Response category = http.post("hotline", "/api/events", "{\"category\":\"ufo\",\"description\":\"x\",\"communityCode\":\"990199999999\","
        + "\"address\":\"a\",\"channel\":\"hotline\"}");

    assertThat(matter.status()).isEqualTo(400);
    assertThat(matter.body()).contains("restaurant-opening", "clinic-opening", "/api/catalogue/matters");
    assertThat(category.status()).isEqualTo(400);
    assertThat(category.body()).contains("noise", "fire-hazard", "/api/catalogue/event-categories", "/api/catalogue/units?type=community");
  }
}
