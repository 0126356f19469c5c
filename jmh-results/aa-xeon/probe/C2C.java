import io.cpabench.machine.CoreToCore;
public class C2C {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    long t0 = System.currentTimeMillis();
    for (int i = 0; i < n; i++) {
      var r = CoreToCore.roundTripNanos();
      System.out.printf("%6.1f s  %s%n", (System.currentTimeMillis()-t0)/1000.0, r.isPresent()? String.format("%.0f", r.getAsDouble()) : "none");
      Thread.sleep(1000);
    }
  }
}
