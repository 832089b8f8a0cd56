// Dashed edge programs for sigma: conflict relations are drawn dashed (and arrowed), so they read apart from the
// solid cooperation ones by pattern as well as by hue — for colour-blind readers and in greyscale prints.

import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeRectangleProgram,
  type EdgeProgramType,
} from 'sigma/rendering';
import type { Attributes } from 'graphology-types';

/** Dash and gap lengths in screen pixels. */
const DASH_PX = 6;
const PERIOD_PX = 10;

// Both base programs interpolate a vertex between the edge's start and end with a_positionCoef (0..1); its pixel
// distance from the start is that share of the edge's length, converted as sigma converts thickness.
function patchVertex(src: string): string {
  return src
    .replace('varying vec4 v_color;', 'varying vec4 v_color;\nvarying float v_along;')
    .replace(
      /void main\(\) \{/,
      'void main() {\n  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) * u_sizeRatio / u_correctionRatio;',
    );
}

function patchFragment(src: string): string {
  return src
    .replace('varying vec4 v_color;', 'varying vec4 v_color;\nvarying float v_along;')
    .replace(
      /void main\(void\) \{/,
      `void main(void) {\n  #ifndef PICKING_MODE\n  if (mod(v_along, ${PERIOD_PX.toFixed(1)}) > ${DASH_PX.toFixed(1)}) discard;\n  #endif`,
    );
}

type ProgramClass = { new (...args: never[]): { getDefinition(): unknown } };

function dashed<T extends ProgramClass>(Base: T): T {
  // @ts-expect-error -- a mixin over sigma's abstract program classes; the constructor signature is the base's.
  return class extends Base {
    override getDefinition() {
      const d = super.getDefinition() as { VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string };
      return {
        ...d,
        VERTEX_SHADER_SOURCE: patchVertex(d.VERTEX_SHADER_SOURCE),
        FRAGMENT_SHADER_SOURCE: patchFragment(d.FRAGMENT_SHADER_SOURCE),
      };
    }
  };
}

export function dashedEdgePrograms<N extends Attributes, E extends Attributes>(): {
  dashed: EdgeProgramType<N, E>;
  dashedArrow: EdgeProgramType<N, E>;
} {
  const line = dashed(EdgeRectangleProgram as unknown as ProgramClass) as unknown as EdgeProgramType<N, E>;
  const body = dashed(createEdgeClampedProgram() as unknown as ProgramClass) as unknown as EdgeProgramType<N, E>;
  return {
    dashed: line,
    dashedArrow: createEdgeCompoundProgram([body, createEdgeArrowHeadProgram() as unknown as EdgeProgramType<N, E>]),
  };
}
