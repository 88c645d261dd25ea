// An independent model of the counts, written from the seed article's formulas in
// BigInt, for the end-to-end tests to hold the page's figures against.

/** Dp by the convolution-arithmetic rule; null when the kernel does not fit. */
export function outputSize({ df, dk, pad, stride = 1, dil = 1 }) {
  if (pad === 'same') return Math.ceil(df / stride);
  const p = pad === 'valid' ? 0 : Number(pad);
  const room = df + 2 * p - dil * (dk - 1) - 1;
  return room < 0 ? null : Math.floor(room / stride) + 1;
}

/**
 * The counts for `layer`: { df, dk, m, n, pad, stride, dil } and optionally g (groups of
 * the standard side), bias, and unit 'flops' (2 per multiply-add, plus one addition per
 * output value for a bias).
 */
export function expected(layer) {
  const dp = outputSize(layer);
  const [N, M, K, P, G] = [layer.n, layer.m, layer.dk, dp, layer.g ?? 1].map(BigInt);
  const B = layer.bias ? 1n : 0n;
  const flops = layer.unit === 'flops';
  const count = (macs, outputs) => (flops ? 2n * macs + B * outputs : macs);
  const standard = count(N * P * P * K * K * (M / G), N * P * P);
  const depthwise = count(M * K * K * P * P, M * P * P);
  const pointwise = count(M * P * P * N, N * P * P);
  return {
    dp: String(dp),
    'cost-standard': String(standard),
    'cost-depthwise': String(depthwise),
    'cost-pointwise': String(pointwise),
    'cost-separable': String(depthwise + pointwise),
    'params-standard': String(K * K * (M / G) * N + B * N),
    'params-separable': String(K * K * M + M * N + B * (M + N)),
  };
}

/** 1/N + 1/Dk², to compare with the page's decimal strings. */
export const closedForm = ({ n, dk }) => 1 / n + 1 / (dk * dk);

/** Significant digits in a plain decimal string ("0.0100038" has 6). */
export const significantDigits = (s) => s.replace('.', '').replace(/^0+/, '').length;
