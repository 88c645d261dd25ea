// An independent model of the counts, written from the seed article's formulas in
// BigInt, for the end-to-end tests to hold the page's figures against.

/** Dp by the convolution-arithmetic rule; null when the kernel does not fit. */
export function outputSize({ df, dk, pad, stride = 1, dil = 1 }) {
  if (pad === 'same') return Math.ceil(df / stride);
  const p = pad === 'valid' ? 0 : Number(pad);
  const room = df + 2 * p - dil * (dk - 1) - 1;
  return room < 0 ? null : Math.floor(room / stride) + 1;
}

export function expected(layer) {
  const dp = outputSize(layer);
  const [N, M, K, P] = [layer.n, layer.m, layer.dk, dp].map(BigInt);
  const standard = N * P * P * K * K * M;
  const depthwise = M * K * K * P * P;
  const pointwise = M * P * P * N;
  return {
    dp: String(dp),
    'cost-standard': String(standard),
    'cost-depthwise': String(depthwise),
    'cost-pointwise': String(pointwise),
    'cost-separable': String(depthwise + pointwise),
    'params-standard': String(K * K * M * N),
    'params-separable': String(K * K * M + M * N),
  };
}

/** 1/N + 1/Dk², to compare with the page's decimal strings. */
export const closedForm = ({ n, dk }) => 1 / n + 1 / (dk * dk);

/** Significant digits in a plain decimal string ("0.0100038" has 6). */
export const significantDigits = (s) => s.replace('.', '').replace(/^0+/, '').length;
