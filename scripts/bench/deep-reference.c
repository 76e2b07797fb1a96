/* The deeper network's full-batch training loop (src/trainer/deepGradient.ts + train.ts) in plain C,
 * so `npm run bench` can report the trainer's speed on 2-8-8-1 as a ratio to gcc -O2 on the same
 * machine. Same layout, same loops, every sum in the same order, so the losses agree bit for bit.
 * Reads one binary job from argv[1], writes results to argv[2], prints the compute time (CPU s).
 * Job layout (little-endian): int32 n, epochs, hiddenLayers, widths[hiddenLayers];
 * float64 learningRate; x1[n], x2[n], y[n]; params[P].
 * Writes losses[epochs] (the loss at the start of each epoch), then the final params[P].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

#define MAX_LAYERS 6

/* One loss-and-gradient pass over all n samples: deepGradient.ts's deepPass, line for line.
 * s holds h of every hidden unit, then δ of every hidden unit. */
static double pass(const double *p, int layers, const int *sizes, const int *wo, const int *bo,
                   const double *X1, const double *X2, const double *Y, int n, double *grad, int P, double *s) {
  int last = layers - 1, n1 = sizes[1], nLast = sizes[last];
  int deltas = 0;
  for (int l = 1; l <= last; l++) deltas += sizes[l];
  int hLast = deltas - nLast, wOut = wo[layers], bOut = bo[layers];
  for (int j = 0; j < P; j++) grad[j] = 0;
  double loss = 0;
  for (int i = 0; i < n; i++) {
    double x1 = X1[i], x2 = X2[i];
    for (int j = 0, w = wo[1], b = bo[1]; j < n1; j++) {
      double z = p[w + j] * x1 + p[w + n1 + j] * x2 + p[b + j];
      s[j] = z > 0 ? z : 0;
    }
    for (int l = 2, below = 0; l <= last; l++) {
      int m = sizes[l - 1], nn = sizes[l], here = below + m, b = bo[l];
      for (int j = 0; j < nn; j++) s[here + j] = p[b + j];
      for (int k = 0, w = wo[l]; k < m; k++, w += nn) {
        double h = s[below + k];
        if (h > 0) for (int j = 0; j < nn; j++) s[here + j] += p[w + j] * h;
      }
      for (int j = here; j < here + nn; j++) { double z = s[j]; s[j] = z > 0 ? z : 0; }
      below = here;
    }
    double yhat = p[bOut];
    for (int k = 0; k < nLast; k++) { double h = s[hLast + k]; if (h > 0) yhat += p[wOut + k] * h; }
    double e = yhat - Y[i];
    loss += e * e;
    grad[bOut] += e;
    for (int k = 0; k < nLast; k++) {
      double h = s[hLast + k];
      if (h > 0) { grad[wOut + k] += e * h; s[deltas + hLast + k] = e * p[wOut + k]; }
      else s[deltas + hLast + k] = 0;
    }
    for (int l = last, here = hLast; l >= 2; l--) {
      int nn = sizes[l], m = sizes[l - 1], below = here - m, b = bo[l];
      for (int j = 0; j < nn; j++) grad[b + j] += s[deltas + here + j];
      for (int k = 0, w = wo[l]; k < m; k++, w += nn) {
        double h = s[below + k];
        if (h > 0) {
          double back = 0;
          for (int j = 0; j < nn; j++) {
            double d = s[deltas + here + j];
            grad[w + j] += d * h;
            back += p[w + j] * d;
          }
          s[deltas + below + k] = back;
        } else s[deltas + below + k] = 0;
      }
      here = below;
    }
    for (int j = 0, w = wo[1], b = bo[1]; j < n1; j++) {
      if (s[j] > 0) {
        double d = s[deltas + j];
        grad[w + j] += d * x1;
        grad[w + n1 + j] += d * x2;
        grad[b + j] += d;
      }
    }
  }
  double scale = 2.0 / n;
  for (int j = 0; j < P; j++) grad[j] *= scale;
  return loss / n;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: deep-reference JOB OUT\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("job"); return 2; }
  int hdr[3];
  read_exact(hdr, sizeof(int), 3, f);
  int n = hdr[0], epochs = hdr[1], hidden = hdr[2];
  if (hidden < 1 || hidden > MAX_LAYERS - 1) { fprintf(stderr, "bad layer count\n"); return 2; }
  int sizes[MAX_LAYERS + 1], wo[MAX_LAYERS + 1], bo[MAX_LAYERS + 1];
  sizes[0] = 2;
  read_exact(sizes + 1, sizeof(int), hidden, f);
  int layers = hidden + 1;
  sizes[layers] = 1;
  int P = 0, units = 0;
  for (int l = 1; l <= layers; l++) { wo[l] = P; P += sizes[l - 1] * sizes[l]; }
  for (int l = 1; l <= layers; l++) { bo[l] = P; P += sizes[l]; }
  for (int l = 1; l < layers; l++) units += sizes[l];
  double lr;
  read_exact(&lr, sizeof(double), 1, f);
  double *X1 = malloc(sizeof(double) * n), *X2 = malloc(sizeof(double) * n), *Y = malloc(sizeof(double) * n);
  double *p = malloc(sizeof(double) * P), *g = malloc(sizeof(double) * P), *s = malloc(sizeof(double) * 2 * units);
  double *losses = malloc(sizeof(double) * (size_t)epochs);
  read_exact(X1, sizeof(double), n, f);
  read_exact(X2, sizeof(double), n, f);
  read_exact(Y, sizeof(double), n, f);
  read_exact(p, sizeof(double), P, f);
  fclose(f);
  double start = now();
  for (int ep = 0; ep < epochs; ep++) {
    losses[ep] = pass(p, layers, sizes, wo, bo, X1, X2, Y, n, g, P, s);
    for (int j = 0; j < P; j++) p[j] = p[j] - lr * g[j];
  }
  double seconds = now() - start;
  FILE *out = fopen(argv[2], "wb");
  fwrite(losses, sizeof(double), (size_t)epochs, out);
  fwrite(p, sizeof(double), P, out);
  fclose(out);
  printf("%.9f\n", seconds);
  return 0;
}
