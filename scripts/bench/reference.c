/* The same full-batch training loop as src/trainer/gradient.ts + train.ts, in plain C, so
 * `npm run bench` can report the trainer's speed as a ratio to gcc -O2 on the same machine.
 * Reads one binary job from argv[1], writes results to argv[2], prints the compute time (CPU s).
 * Job layout (little-endian): int32 mode, n, H, epochs, runs, gridSize, colIndex, rowIndex;
 * float64 learningRate, gridLow, gridHigh; x1[n], x2[n], y[n]; params[runs][4H+1].
 * mode 0: train each run, write losses[runs][epochs] and final params.
 * mode 1: loss over a gridSize² grid of two parameters of run 0, write the grid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CPU time, not wall time: on a shared machine a run that waits for a core is not slower. */
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void read_exact(void *dst, size_t size, size_t count, FILE *f) {
  if (fread(dst, size, count, f) != count) { fprintf(stderr, "short job file\n"); exit(2); }
}

static double loss_only(const double *p, const double *X1, const double *X2, const double *Y, int n, int H) {
  double sum = 0;
  for (int i = 0; i < n; i++) {
    double x1 = X1[i], x2 = X2[i], yhat = p[4 * H];
    for (int k = 0; k < H; k++) {
      double z = p[k] * x1 + p[H + k] * x2 + p[3 * H + k];
      if (z > 0) yhat += p[2 * H + k] * z;
    }
    double e = yhat - Y[i];
    sum += e * e;
  }
  return sum / n;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: reference JOB OUT\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("job"); return 2; }
  int hdr[8];
  double lr, lo, hi;
  read_exact(hdr, sizeof(int), 8, f);
  read_exact(&lr, sizeof(double), 1, f);
  read_exact(&lo, sizeof(double), 1, f);
  read_exact(&hi, sizeof(double), 1, f);
  int mode = hdr[0], n = hdr[1], H = hdr[2], epochs = hdr[3], runs = hdr[4], grid = hdr[5], ci = hdr[6], ri = hdr[7];
  int P = 4 * H + 1;
  double *X1 = malloc(sizeof(double) * n), *X2 = malloc(sizeof(double) * n), *Y = malloc(sizeof(double) * n);
  double *params = malloc(sizeof(double) * P * runs);
  read_exact(X1, sizeof(double), n, f);
  read_exact(X2, sizeof(double), n, f);
  read_exact(Y, sizeof(double), n, f);
  read_exact(params, sizeof(double), (size_t)P * runs, f);
  fclose(f);
  FILE *out = fopen(argv[2], "wb");
  double start = now();
  if (mode == 0) {
    double *losses = malloc(sizeof(double) * (size_t)epochs * runs);
    double *g = malloc(sizeof(double) * P), *zb = malloc(sizeof(double) * H);
    for (int r = 0; r < runs; r++) {
      double *p = params + (size_t)r * P;
      for (int ep = 0; ep < epochs; ep++) {
        for (int j = 0; j < P; j++) g[j] = 0;
        double loss = 0, gout = 0;
        for (int i = 0; i < n; i++) {
          double x1 = X1[i], x2 = X2[i], yhat = p[4 * H];
          for (int k = 0; k < H; k++) {
            double z = p[k] * x1 + p[H + k] * x2 + p[3 * H + k];
            zb[k] = z;
            if (z > 0) yhat += p[2 * H + k] * z;
          }
          double e = yhat - Y[i];
          loss += e * e;
          gout += e;
          for (int k = 0; k < H; k++) {
            double z = zb[k];
            if (z > 0) {
              g[2 * H + k] += e * z;
              double d = e * p[2 * H + k];
              g[k] += d * x1;
              g[H + k] += d * x2;
              g[3 * H + k] += d;
            }
          }
        }
        g[4 * H] = gout;
        double scale = 2.0 / n;
        for (int j = 0; j < P; j++) g[j] *= scale;
        losses[(size_t)r * epochs + ep] = loss / n;
        for (int j = 0; j < P; j++) p[j] = p[j] - lr * g[j];
      }
    }
    double seconds = now() - start;
    fwrite(losses, sizeof(double), (size_t)epochs * runs, out);
    fwrite(params, sizeof(double), (size_t)P * runs, out);
    printf("%.9f\n", seconds);
  } else {
    double *values = malloc(sizeof(double) * grid * grid);
    double *p = params;
    for (int r = 0; r < grid; r++) {
      p[ri] = grid == 1 ? lo : lo + (hi - lo) * r / (grid - 1);
      for (int c = 0; c < grid; c++) {
        p[ci] = grid == 1 ? lo : lo + (hi - lo) * c / (grid - 1);
        values[r * grid + c] = loss_only(p, X1, X2, Y, n, H);
      }
    }
    double seconds = now() - start;
    fwrite(values, sizeof(double), (size_t)grid * grid, out);
    printf("%.9f\n", seconds);
  }
  fclose(out);
  return 0;
}
