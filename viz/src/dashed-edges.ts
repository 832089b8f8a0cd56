// Dashed edge programs for sigma: conflict relations are drawn dashed (and arrowed), so they read apart from the
// solid cooperation ones by pattern as well as by hue — for colour-blind readers and in greyscale prints.

import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeRectangleProgram,
  type EdgeProgramType,
} from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import { dashCurveFragment, dashStraightFragment, dashStraightVertex } from './core/dash-shaders.js';

type ProgramClass = { new (...args: never[]): { getDefinition(): unknown } };
type Definition = { VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string };

function dashed<T extends ProgramClass>(Base: T, vertex: (s: string) => string, fragment: (s: string) => string): T {
  // @ts-expect-error -- a mixin over sigma's abstract program classes; the constructor signature is the base's.
  return class extends Base {
    override getDefinition() {
      const d = super.getDefinition() as Definition;
      return {
        ...d,
        VERTEX_SHADER_SOURCE: vertex(d.VERTEX_SHADER_SOURCE),
        FRAGMENT_SHADER_SOURCE: fragment(d.FRAGMENT_SHADER_SOURCE),
      };
    }
  };
}

const same = (s: string) => s;

/**
 * Straight dashed lines and arrows, and curved ones for conflict relations that share their pair with others
 * (curveParallelEdges): a curve keeps its dash, so ATTACKS fanned out beside COOPERATES_WITH still reads as conflict.
 */
export function dashedEdgePrograms<N extends Attributes, E extends Attributes>(): {
  dashed: EdgeProgramType<N, E>;
  dashedArrow: EdgeProgramType<N, E>;
  dashedCurved: EdgeProgramType<N, E>;
  dashedCurvedArrow: EdgeProgramType<N, E>;
} {
  const cast = (p: ProgramClass) => p as unknown as EdgeProgramType<N, E>;
  const straight = (Base: unknown) => cast(dashed(Base as ProgramClass, dashStraightVertex, dashStraightFragment));
  const curved = (Base: unknown) => cast(dashed(Base as ProgramClass, same, dashCurveFragment));
  return {
    dashed: straight(EdgeRectangleProgram),
    dashedArrow: createEdgeCompoundProgram([
      straight(createEdgeClampedProgram()),
      createEdgeArrowHeadProgram() as unknown as EdgeProgramType<N, E>,
    ]),
    dashedCurved: curved(EdgeCurveProgram),
    dashedCurvedArrow: curved(EdgeCurvedArrowProgram),
  };
}
