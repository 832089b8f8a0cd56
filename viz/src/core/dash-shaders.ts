// GLSL rewrites that dash sigma's edge programs (straight ones from sigma/rendering, curved ones from
// @sigma/edge-curve): pure string functions, so a sigma upgrade that moves an anchor fails a unit test, not a render.

/** Dash and gap lengths in screen pixels. */
export const DASH_PX = 6;
export const PERIOD_PX = 10;

export class ShaderPatchError extends Error {
  constructor(anchor: string) {
    super(`dash-shaders: anchor not found in the edge program's shader (${anchor}); sigma changed its shaders`);
    this.name = 'ShaderPatchError';
  }
}

/** Replaces `anchor` once, or throws: a silent no-op would draw conflict edges solid with nobody noticing. */
function patch(src: string, anchor: string | RegExp, replacement: string): string {
  if (!(typeof anchor === 'string' ? src.includes(anchor) : anchor.test(src))) {
    throw new ShaderPatchError(String(anchor));
  }
  return src.replace(anchor, replacement);
}

const discardGap = (along: string) => `if (mod(${along}, ${PERIOD_PX.toFixed(1)}) > ${DASH_PX.toFixed(1)}) discard;`;

// Sigma's straight programs interpolate a vertex between the edge's start and end with a_positionCoef (0..1); its
// pixel distance from the start is that share of the edge's length, converted as sigma converts thickness.
export function dashStraightVertex(src: string): string {
  const withVarying = patch(src, 'varying vec4 v_color;', 'varying vec4 v_color;\nvarying float v_along;');
  return patch(
    withVarying,
    /void main\(\) \{/,
    'void main() {\n  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) * u_sizeRatio / u_correctionRatio;',
  );
}

export function dashStraightFragment(src: string): string {
  const withVarying = patch(src, 'varying vec4 v_color;', 'varying vec4 v_color;\nvarying float v_along;');
  // Picking stays solid: the gaps must still answer hover and click.
  return patch(
    withVarying,
    /void main\(void\) \{/,
    `void main(void) {\n  #ifndef PICKING_MODE\n  ${discardGap('v_along')}\n  #endif`,
  );
}

const CURVE_T = 'float t = clamp((ap + bp) / (2.0 * a + b + d), 0.0, 1.0);';
const CURVE_BODY = 'float halfThickness = thickness / 2.0;';

/**
 * The curve program finds, per fragment, the nearest point of the quadratic Bézier (its parameter t) to measure
 * the distance to the curve; keeping that t gives the position along the edge. t times the chord length is close
 * enough to arc length at the viewer's curvatures (≤ 0.25) for an even dash. The arrow head (where the program
 * narrows `thickness`) stays solid.
 */
export function dashCurveFragment(src: string): string {
  const withT = patch(src, 'float det(vec2 a, vec2 b)', 'float dashT;\n\nfloat det(vec2 a, vec2 b)');
  const keepT = patch(withT, CURVE_T, `${CURVE_T}\n  dashT = t;`);
  return patch(
    keepT,
    CURVE_BODY,
    `#ifndef PICKING_MODE\n  if (thickness == v_thickness) { ${discardGap('dashT * length(v_cpC - v_cpA)')} }\n  #endif\n  ${CURVE_BODY}`,
  );
}
