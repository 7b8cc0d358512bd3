package org.jingzhi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The second net under our own masking: any log line, whoever writes it, shows mobile numbers masked. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

  @Test
  void aMobileNumberInAnyLogLineIsMasked(CapturedOutput output) {
    LoggerFactory.getLogger("org.camunda.bpm.engine.test").warn("variable applicantPhone=13912345678 refused");

    assertThat(output.getOut()).contains("applicantPhone=139****5678").doesNotContain("13912345678");
  }
}
