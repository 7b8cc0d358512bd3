package org.jingzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class OrganizationTest {

  static final Organization DEMO = OrganizationFiles.readUnits(new ClassPathResource("organization/demo-city.yaml"));

  @Test
  void aCommunityChainsUpThroughItsStreetAndDistrictToTheCity() {
    List<Unit> chain = DEMO.chain("990101001001");

    assertThat(chain).extracting(Unit::name).containsExactly("柳岸社区", "湖滨街道", "东湖区", "示范市");
    assertThat(chain).extracting(Unit::type)
        .containsExactly(UnitType.COMMUNITY, UnitType.STREET, UnitType.DISTRICT, UnitType.CITY);
  }

  @Test
  void aStreetChainStartsAtTheStreet() {
    assertThat(DEMO.chain("990102001000")).extracting(Unit::code)
        .containsExactly("990102001000", "990102000000", "990100000000");
  }

  @Test
  void departmentsAreFoundByKeyOrCodeAndBelongToTheCity() {
    assertThat(DEMO.get("market")).isEqualTo(DEMO.get("990100000101"));
    assertThat(DEMO.chain("market")).extracting(Unit::name).containsExactly("市市场监督管理局", "示范市");
    assertThat(DEMO.displayName("service-center")).isEqualTo("市政务服务中心");
  }

  @Test
  void findsTheAncestorOfAGivenLevel() {
    assertThat(DEMO.ancestor("990102002002", UnitType.STREET)).map(Unit::name).hasValue("桥北街道");
    assertThat(DEMO.ancestor("990102002002", UnitType.DISTRICT)).map(Unit::name).hasValue("西山区");
  }

  @Test
  void theDemoCityHasItsUnits() {
    assertThat(DEMO.ofType(UnitType.COMMUNITY)).hasSize(8);
    assertThat(DEMO.ofType(UnitType.STREET)).hasSize(4);
    assertThat(DEMO.ofType(UnitType.DISTRICT)).hasSize(2);
    assertThat(DEMO.ofType(UnitType.DEPARTMENT)).extracting(Unit::groupId)
        .containsExactlyInAnyOrder("market", "fire", "ecology", "health", "planning", "housing", "urban", "water", "transport");
  }

  @Test
  void anUnknownUnitIsAnError() {
    assertThatThrownBy(() -> DEMO.chain("990199999999")).isInstanceOf(UnknownUnitException.class).hasMessageContaining("990199999999");
  }

  @Test
  void refusesAFileWhoseParentsDoNotFormTheTree() {
    assertThatThrownBy(() -> units("""
        units:
          - { code: "990100000000", name: 市, type: city }
          - { code: "990101001001", name: 社区, type: community, parent: "990100000000" }
        """)).hasMessageContaining("must belong to a street");
  }

  @Test
  void refusesCodesThatAreNotTwelveDigits() {
    assertThatThrownBy(() -> units("""
        units:
          - { code: "9901", name: 市, type: city }
        """)).hasMessageContaining("12-digit");
  }

  @Test
  void refusesDuplicateCodesAndUnknownTypes() {
    assertThatThrownBy(() -> units("""
        units:
          - { code: "990100000000", name: 市, type: city }
          - { code: "990100000000", name: 又一个市, type: city }
        """)).hasMessageContaining("twice");
    assertThatThrownBy(() -> units("""
        units:
          - { code: "990100000000", name: 市, type: metropolis }
        """)).hasMessageContaining("metropolis");
  }

  static Organization units(String yaml) {
    return OrganizationFiles.readUnits(new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test file"));
  }
}
