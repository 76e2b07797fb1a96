#!/usr/bin/env python3
"""An independent re-computation of numbers the lessons print.

Nothing here comes from src/trainer: the random generator (seedrandom's ARC4, as documented in
its source), the data, the starting values, the forward pass, the gradient, the exact Hessian,
full-batch and mini-batch gradient descent and reduce-on-plateau are written again from their
definitions, in NumPy, vectorised over seeds. The results go to a JSON file that
scripts/oracle/compare.ts sets beside the facts the lessons print.

    python3 scripts/oracle/oracle.py /tmp/oracle.json        (about ten minutes on one core)

Arithmetic is done in a different order from the trainer (NumPy sums, not the trainer's loop),
so results agree to rounding, not bit for bit; a run that sits on a knife edge (a unit one step
from dying) can end elsewhere, and compare.ts says which numbers differ and by how much.
"""
import json
import math
import sys

import numpy as np


# ---------------------------------------------------------------- random numbers (seedrandom ARC4)

class Arc4:
    """RC4 keyed with the seed string's character codes, the first 256 bytes dropped (seedrandom)."""

    def __init__(self, seed: str):
        key = [ord(c) & 255 for c in seed[:256]] or [0]
        s = list(range(256))
        j = 0
        for i in range(256):
            t = s[i]
            j = (j + key[i % len(key)] + t) & 255
            s[i] = s[j]
            s[j] = t
        self.s, self.i, self.j = s, 0, 0
        self.bytes(256)

    def bytes(self, count: int) -> int:
        r, s, i, j = 0, self.s, self.i, self.j
        for _ in range(count):
            i = (i + 1) & 255
            t = s[i]
            j = (j + t) & 255
            s[i] = s[j]
            s[j] = t
            r = r * 256 + s[(s[i] + t) & 255]
        self.i, self.j = i, j
        return r

    def quick(self) -> float:
        return self.bytes(4) / 4294967296.0


def uniform(rng: Arc4, low: float, high: float) -> float:
    return low + (high - low) * rng.quick()


def gaussian(rng: Arc4) -> float:
    u = 1 - rng.quick()
    v = rng.quick()
    return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)


def js_round(x: float) -> float:
    """JavaScript's Math.round: halves go up (Python's round goes to even)."""
    return math.floor(x + 0.5)


# ---------------------------------------------------------------- data

def make_data(n=300, x1r=(-5, 5), x2r=(-10, 10), noise=(-1, 1), seed=1, scaling='zscore'):
    rng = Arc4(f'data:{seed}')
    x1, x2, b = np.empty(n), np.empty(n), np.empty(n)
    for i in range(n):
        x1[i] = uniform(rng, *x1r)
        x2[i] = uniform(rng, *x2r)
        b[i] = noise[0] + math.floor(rng.quick() * (noise[1] - noise[0] + 1))
    y = x1 * x1 + x2 + b

    def scaled(v):
        if scaling == 'zscore':
            sd = v.std()
            return (v - v.mean()) / (sd if sd > 0 else 1)
        if scaling == 'minmax':
            span = v.max() - v.min()
            return (v - v.min()) / (span if span > 0 else 1)
        return v.copy()

    return {'x1': scaled(x1), 'x2': scaled(x2), 'y': scaled(y), 'raw': {'x1': x1, 'x2': x2, 'y': y, 'b': b}}


def squeezed_data():
    """Inputs divided by their range and centred on [-0.5, 0.5], y min-max scaled (lesson 13)."""
    d = make_data(scaling='none')
    raw = d['raw']
    sq = lambda v: (v - v.min()) / (v.max() - v.min()) - 0.5
    y = raw['y']
    return {'x1': sq(raw['x1']), 'x2': sq(raw['x2']), 'y': (y - y.min()) / (y.max() - y.min()), 'raw': raw}


# ---------------------------------------------------------------- starting values
# Layout for width H: weights from x1 (H), from x2 (H), to the output (H), hidden biases (H), output bias.

def init(preset: str, seed, H=2):
    P = 4 * H + 1
    rng = Arc4(f'init:{seed}')
    p = np.zeros(P)
    weights = 3 * H
    if preset == 'he':
        for i in range(weights):
            fan_in = 2 if i < 2 * H else H
            p[i] = gaussian(rng) * math.sqrt(2 / fan_in)
    elif preset == 'writeup':
        for i in range(weights):
            p[i] = js_round(uniform(rng, -10, 10) * 100) / 100
        for i in range(weights, P):
            p[i] = js_round(uniform(rng, -5, 5) * 100) / 100
    elif preset == 'writeup-example':
        p = np.array([-0.46, -6.59, 8.47, -9.91, -8.92, 2.06, -4.44, 4.01, -2.5])
    elif preset == 'huge-weights':
        for i in range(weights):
            p[i] = js_round(uniform(rng, -10, 10) * 100) / 100 * 1e6
        for i in range(weights, P):
            p[i] = js_round(uniform(rng, -5, 5) * 100) / 100
    elif preset == 'large-biases':
        for i in range(weights):
            p[i] = js_round(uniform(rng, -10, 10) * 100) / 100
        for i in range(weights, P):
            p[i] = js_round(uniform(rng, -500, 500) * 100) / 100
    else:
        raise ValueError(preset)
    return p


def starts(preset, seeds, H=2):
    return np.array([init(preset, s, H) for s in seeds])


# ---------------------------------------------------------------- the network, vectorised over runs
# params: (S, P). Data columns: (N,).

def split(p, H):
    return p[:, 0:H], p[:, H:2 * H], p[:, 2 * H:3 * H], p[:, 3 * H:4 * H], p[:, 4 * H]


def forward(p, d, H):
    a, b, w, c, out = split(p, H)
    z = a[:, :, None] * d['x1'] + b[:, :, None] * d['x2'] + c[:, :, None]   # (S, H, N)
    h = np.maximum(z, 0)
    yhat = (w[:, :, None] * h).sum(axis=1) + out[:, None]
    return z, h, yhat


def loss_and_grad(p, d, H):
    z, h, yhat = forward(p, d, H)
    e = yhat - d['y']
    N = e.shape[1]
    # Terms divided by N before they are added: a sum that would overflow only if the mean does.
    loss = ((e / N) * e).sum(axis=1)
    r = 2 * e / N                                          # dL/dŷ_i
    a, b, w, c, out = split(p, H)
    on = (z > 0).astype(float)
    dz = r[:, None, :] * w[:, :, None] * on               # dL/dz
    g = np.concatenate([
        (dz * d['x1']).sum(axis=2), (dz * d['x2']).sum(axis=2),
        (r[:, None, :] * h).sum(axis=2), dz.sum(axis=2), r.sum(axis=1)[:, None],
    ], axis=1)
    return loss, g


def loss_of(p, d, H):
    return loss_and_grad(p, d, H)[0]


def unit_states(p, d, H):
    z, _, _ = forward(p, d, H)
    on = (z > 0).sum(axis=2)                                # (S, H)
    N = z.shape[2]
    return np.where(on == 0, 'dead', np.where(on == N, 'linear', 'hinge')), on


def hessian(p1, d, H):
    """The exact Hessian of one parameter vector: (2/N) Σ J Jᵀ + (2/N) Σ e ∂²ŷ, from the definitions."""
    p = p1[None, :]
    z, h, yhat = forward(p, d, H)
    z, h, e = z[0], h[0], (yhat - d['y'])[0]
    N = e.shape[0]
    a, b, w, c, out = [v[0] for v in split(p, H)]
    on = (z > 0).astype(float)
    J = np.zeros((4 * H + 1, N))
    J[0:H] = w[:, None] * on * d['x1']
    J[H:2 * H] = w[:, None] * on * d['x2']
    J[2 * H:3 * H] = h
    J[3 * H:4 * H] = w[:, None] * on
    J[4 * H] = 1
    G = 2 / N * J @ J.T
    R = np.zeros_like(G)
    for k in range(H):
        for other, factor in ((k, d['x1']), (H + k, d['x2']), (3 * H + k, 1.0)):
            v = 2 / N * (e * on[k] * factor).sum()
            R[2 * H + k, other] += v
            R[other, 2 * H + k] += v
    return G, G + R


def hessian_check(p, d, H=2, h=1e-5):
    """Largest difference between the analytic Hessian and central differences of the gradient, relative to its largest entry."""
    _, exact = hessian(p, d, H)
    numeric = np.zeros_like(exact)
    for j in range(len(p)):
        up, down = p.copy(), p.copy()
        up[j] += h
        down[j] -= h
        numeric[j] = (loss_and_grad(up[None, :], d, H)[1][0] - loss_and_grad(down[None, :], d, H)[1][0]) / (2 * h)
    return float(np.abs(numeric - exact).max() / np.abs(exact).max())


def lam_max(M):
    return float(np.linalg.eigvalsh(M)[-1])


def train(p0, d, H, rate, epochs, schedule=None, batch=None, seeds=None, record_at=(), tail=0):
    """Gradient descent for every run at once. Returns final params, losses (S, epochs) with NaN after a
    divergence, the epoch each run diverged (−1), cuts per run and final rates."""
    p = p0.copy()
    S = p.shape[0]
    N = len(d['y'])
    losses = np.full((S, epochs), np.nan)
    alive = np.ones(S, bool)
    diverged_at = np.full(S, -1)
    rates = np.full(S, float(rate))
    best = np.full(S, np.inf)
    bad = np.zeros(S, int)
    cooldown = np.zeros(S, int)
    cuts = np.zeros(S, int)
    shufflers = [Arc4(f'shuffle:{s}') for s in seeds] if batch else None
    orders = [list(range(N)) for _ in range(S)] if batch else None
    for epoch in range(epochs):
        if not alive.any():
            break
        loss, g = loss_and_grad(p, d, H)
        bad_loss = alive & ~np.isfinite(loss)
        diverged_at[bad_loss] = epoch
        alive &= ~bad_loss
        losses[alive, epoch] = loss[alive]
        rate_now = rates.copy()
        if batch is None:
            step = p - rate_now[:, None] * g
            ok = np.isfinite(step).all(axis=1) & np.isfinite(g).all(axis=1)
            blown = alive & ~ok
            diverged_at[blown] = epoch
            alive &= ~blown
            losses[blown, epoch] = np.nan
            p[alive] = step[alive]
        else:
            for s in np.nonzero(alive)[0]:
                order, rng = orders[s], shufflers[s]
                for i in range(N - 1, 0, -1):
                    j = math.floor(rng.quick() * (i + 1))
                    order[i], order[j] = order[j], order[i]
                for start in range(0, N, batch):
                    idx = order[start:start + batch]
                    part = {'x1': d['x1'][idx], 'x2': d['x2'][idx], 'y': d['y'][idx]}
                    _, gb = loss_and_grad(p[s:s + 1], part, H)
                    p[s] = p[s] - rate_now[s] * gb[0]
        if schedule:
            # PyTorch's ReduceLROnPlateau: relative threshold, a cut when bad epochs exceed patience.
            better = loss < best * (1 - schedule['threshold'])
            best = np.where(better & alive, loss, best)
            bad = np.where(better, 0, bad + 1)
            in_cool = cooldown > 0
            cooldown = np.where(in_cool, cooldown - 1, cooldown)
            bad = np.where(in_cool, 0, bad)
            cut = alive & (bad > schedule['patience'])
            new = np.maximum(rates * schedule['factor'], 0.0)
            cut &= (rates - new) > 1e-8  # PyTorch's eps: a reduction smaller than this is skipped
            rates = np.where(cut, new, rates)
            cuts += cut
            cooldown = np.where(cut, schedule.get('cooldown', 0), cooldown)
            bad = np.where(cut, 0, bad)
    return {'params': p, 'losses': losses, 'diverged_at': diverged_at, 'cuts': cuts, 'rates': rates}


def last_loss(run):
    """The loss at the start of the last completed epoch (the trainer's 'final loss' of a sweep)."""
    L = run['losses']
    out = np.empty(L.shape[0])
    for s in range(L.shape[0]):
        finite = np.nonzero(np.isfinite(L[s]))[0]
        out[s] = L[s, finite[-1]] if len(finite) else np.nan
    return out


def wilson(k, n, z=1.959963984540054):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [0.0 if k == 0 else max(0.0, centre - half), 1.0 if k == n else min(1.0, centre + half)]


# ---------------------------------------------------------------- the numbers

def main(out_path):
    R = {}
    d = make_data()
    N = 300
    seeds100 = list(range(1, 101))

    # Lesson 1: the data and its yardsticks.
    raw = d['raw']
    R['l1.first'] = [raw['x1'][0], raw['x2'][0], raw['b'][0], raw['y'][0]]
    R['l1.rawMeanY'] = raw['y'].mean()
    R['l1.rawStdY'] = raw['y'].std()
    A = np.column_stack([d['x1'], d['x2'], np.ones(N)])
    coef, *_ = np.linalg.lstsq(A, d['y'], rcond=None)
    R['l1.linearLoss'] = float(np.mean((A @ coef - d['y']) ** 2))
    R['l1.slopeX1'], R['l1.slopeX2'] = coef[0], coef[1]
    mm = make_data(scaling='minmax')
    R['l1.minmaxVarY'] = mm['y'].var()
    for name, v in (('x1Squared', raw['x1'] ** 2), ('x2', raw['x2']), ('noise', raw['b'])):
        R[f'l1.share.{name}'] = v.var() / raw['y'].var()

    # Lesson 3: the best V-shaped surface a|x1| + b x2 + c.
    V = np.column_stack([np.abs(d['x1']), d['x2'], np.ones(N)])
    vc, *_ = np.linalg.lstsq(V, d['y'], rcond=None)
    R['l3.vFit'] = list(vc) + [float(np.mean((V @ vc - d['y']) ** 2))]

    # Lessons 4–6: the write-up's printed start.
    ex = init('writeup-example', 0)[None, :]
    loss, g = loss_and_grad(ex, d, 2)
    R['l4.writeupLoss'] = loss[0]
    R['l6.gradient'] = list(g[0])
    step = ex - 0.01 * g
    R['l6.lossAfterStep'] = loss_of(step, d, 2)[0]

    # Lesson 5: the He start of seed 1.
    he1 = init('he', 1)[None, :]
    R['l5.heLoss'] = loss_of(he1, d, 2)[0]
    _, _, yhat = forward(he1, d, 2)
    R['l5.meanResidual'] = float((yhat[0] - d['y']).mean())

    # Lesson 7: B3 alone, and the default run.
    one = np.array([[0, 0, 0, 0, 0, 0, -1, -1, 2.0]])
    for rate in (0.1, 0.75, 1.5):
        run = train(one, d, 2, rate, 2000 if rate == 1.5 else 5)
        R[f'l7.b3.{rate}'] = [float(2 * (1 - 2 * rate) ** k) for k in range(5)]
        if rate == 1.5:
            R['l7.divergedAt15'] = int(run['diverged_at'][0])
    run = train(he1, d, 2, 0.05, 5000)
    L = run['losses'][0]
    R['l7.run'] = [L[0], L[1], L[10], L[100], L[1000]]
    R['l7.runFinal'] = loss_of(run['params'], d, 2)[0]
    R['l7.limitConsoleStart'] = 2 / lam_max(hessian(he1[0], d, 2)[1])
    he_limits = sorted(2 / lam_max(hessian(init('he', s), d, 2)[1]) for s in seeds100)
    wu_limits = sorted(2 / lam_max(hessian(init('writeup', s), d, 2)[1]) for s in seeds100)
    R['l7.heLimitMedian'] = (he_limits[49] + he_limits[50]) / 2
    R['l7.writeupLimitMedian'] = (wu_limits[49] + wu_limits[50]) / 2

    # The oracle checks itself first: its Hessian against central differences of its own gradient.
    s97 = init('writeup', 97)
    R['selfcheck.hessianVsDifferences'] = hessian_check(s97, d)

    # Lesson 8: curvature at seed 97, and over the write-up's 100 starts.
    G, Hs = hessian(s97, d, 2)
    R['l8.start'] = [lam_max(G), lam_max(Hs), float(np.linalg.eigvalsh(Hs)[0])]
    ratios, below_h, below_g, negative = [], 0, 0, 0
    for s in seeds100:
        G, Hs = hessian(init('writeup', s), d, 2)
        lg, lh = lam_max(G), lam_max(Hs)
        ratios.append(lh / lg)
        below_h += 2 / lh < 0.01
        below_g += 2 / lg < 0.01
        negative += np.linalg.eigvalsh(Hs)[0] < 0
    R['l8.belowHessian'] = int(below_h)
    R['l8.belowGaussNewton'] = int(below_g)
    R['l8.belowInterval'] = [round(x * 100) for x in wilson(int(below_h), 100)]
    R['l8.ratioMedian'] = float(np.median(ratios))
    R['l8.withNegative'] = int(negative)
    sweep = {}
    W = starts('writeup', seeds100)
    for rate in (0.001, 0.01, 0.03, 0.1):
        run = train(W, d, 2, rate, 3000)
        div = int((run['diverged_at'] >= 0).sum())
        states, _ = unit_states(run['params'], d, 2)
        ok = run['diverged_at'] < 0
        sweep[str(rate)] = {'diverged': div, 'withDead': int(((states == 'dead').any(axis=1) & ok).sum()),
                            'median': float(np.median(loss_of(run['params'][ok], d, 2)))}
    R['l8.sweep'] = sweep

    # Lesson 11: 100 He starts at η = 0.05, 20,000 epochs.
    He = starts('he', seeds100)
    run = train(He, d, 2, 0.05, 20000)
    R['l11.below01'] = int((last_loss(run) < 0.1).sum())
    B2 = He.copy()
    B2[:, 6:] = 2
    run = train(B2, d, 2, 0.05, 20000)
    A_ = np.column_stack([d['x1'], d['x2'], np.ones(N)])
    plane = float(np.mean((A_ @ np.linalg.lstsq(A_, d['y'], rcond=None)[0] - d['y']) ** 2))
    states, _ = unit_states(run['params'], d, 2)
    R['l11.biasesTwoAtPlane'] = int(((states == 'linear').all(axis=1) & (np.abs(last_loss(run) - plane) < 1e-9)).sum())

    # Lesson 12: weights in the millions, seed 1.
    hw = init('huge-weights', 1)[None, :]
    run = train(hw, d, 2, 0.01, 3)
    R['l12.hugeLosses'] = [float(x) for x in run['losses'][0][:3]]
    R['l12.hugeLambda'] = lam_max(hessian(hw[0], d, 2)[0])
    run = train(starts('huge-weights', seeds100), d, 2, 0.01, 10)
    R['l12.hugeDiverged'] = int((run['diverged_at'] >= 0).sum())
    R['l12.hugeDivergedAt'] = sorted(set(int(x) for x in run['diverged_at']))

    # Lesson 13: the write-up's example on squeezed data, importance by setting to 0.
    sq = squeezed_data()
    run = train(ex.copy(), sq, 2, 0.01, 2000)
    final = run['params'][0]
    base = loss_of(final[None, :], sq, 2)[0]
    zeroed = []
    for j in range(9):
        q = final.copy()
        q[j] = 0
        zeroed.append(float(loss_of(q[None, :], sq, 2)[0] - base))
    R['l13.zeroed'] = zeroed
    R['l13.changes'] = list(final - ex[0])
    for scaling, key in (('zscore', 'zscore'), ('minmax', 'minmax'), ('squeezed', 'squeezed')):
        data = sq if scaling == 'squeezed' else make_data(scaling=scaling)
        run = train(W, data, 2, 0.01, 1000)
        moves = np.abs(run['params'] - W)
        R[f'l13.close.{key}'] = [int(((moves < 0.5).sum(axis=1) >= 5).sum()), int((moves == 0).sum())]

    # Lesson 10: He starts at η = 0.1, fixed against reduce-on-plateau (full batch, 5,000 epochs).
    rop = {'factor': 0.5, 'patience': 200, 'threshold': 1e-4}
    fixed = train(He, d, 2, 0.1, 5000)
    sched = train(He, d, 2, 0.1, 5000, schedule=rop)
    lf, lp = last_loss(fixed), last_loss(sched)
    R['l10.he01'] = {'better': int((lp < lf - 0.01).sum()), 'worse': int((lp > lf + 0.01).sum()),
                     'medianFixed': float(np.median(lf)), 'medianPlateau': float(np.median(lp))}

    # Lesson 15: two width rows (He, 2 and 16 units), 100 seeds, 20,000 epochs.
    for H, rate in ((2, 0.05), (16, 0.03)):
        run = train(starts('he', seeds100, H), d, H, rate, 20000)
        ll = np.sort(last_loss(run))
        R[f'l15.he{H}'] = {'median': float(np.median(ll)), 'p10': float(ll[9] + 0.9 * (ll[10] - ll[9])),
                          'p90': float(ll[89] + 0.1 * (ll[90] - ll[89]))}

    with open(out_path, 'w') as f:
        json.dump(R, f, indent=1, default=float)
    print(f'wrote {len(R)} groups of numbers to {out_path}')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/tmp/oracle.json')
