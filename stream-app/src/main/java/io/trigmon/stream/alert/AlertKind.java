package io.trigmon.stream.alert;

/** What an alert is about (DESIGN §7), with its Alertmanager {@code alertname} and severity. */
public enum AlertKind {
  /** Z ≥ Z_on for k windows: τ − Δ, what the nuisances cannot absorb. */
  ANOMALY("TrigmonAnomaly", "critical"),
  /** A fitted nuisance pulled beyond its constraint: the detector calibration moved. */
  CALIBRATION_DRIFT("TrigmonCalibrationDrift", "warning"),
  /** No window result for a stream for longer than configured. */
  STALE_STREAM("TrigmonStaleStream", "warning");

  private final String alertName;
  private final String severity;

  AlertKind(String alertName, String severity) {
    this.alertName = alertName;
    this.severity = severity;
  }

  public String alertName() {
    return alertName;
  }

  public String severity() {
    return severity;
  }
}
