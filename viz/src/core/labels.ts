// Collision-free label placement: labels are taken in priority order (degree or PageRank, the node-size score)
// and a label is drawn only where it overlaps no label already placed. Pure, in viewport pixels.

export interface LabelCandidate {
  id: string;
  /** Node centre and rendered radius in viewport pixels. */
  x: number;
  y: number;
  size: number;
  /** Measured label width in pixels. */
  width: number;
}

export interface PlaceOptions {
  /** Label text height in pixels (sigma's labelSize). */
  height: number;
  viewWidth: number;
  viewHeight: number;
  /** At most this many labels (a dense view stays readable). */
  max: number;
  /** Free space kept around each label. */
  margin?: number;
  /** A node from this rendered radius on is an obstacle to labels (always to those of less central nodes). */
  obstacleSize?: number;
  /** A node whose label sigma draws itself, right of it (the hovered or selected one): its place is taken first. */
  pinned?: string | null;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The node a disc belongs to (labels of that node may cover it), and its priority rank (0 = most central). */
  owner?: string;
  rank?: number;
}

const CELL = 64;

/** Where a label sits around its node: right is sigma's (and the reader's) default, then the other sides. */
export type LabelSide = 'right' | 'left' | 'below' | 'above';
const SIDES: readonly LabelSide[] = ['right', 'left', 'below', 'above'];

/** The label's box on one side of its node, with `margin` of free space around it. */
export function labelBox(c: LabelCandidate, side: LabelSide, height: number, margin = 0): Box {
  const gap = 3;
  let x0: number;
  let y0: number;
  switch (side) {
    case 'right':
      [x0, y0] = [c.x + c.size + gap, c.y - height / 2];
      break;
    case 'left':
      [x0, y0] = [c.x - c.size - gap - c.width, c.y - height / 2];
      break;
    case 'below':
      [x0, y0] = [c.x - c.width / 2, c.y + c.size + gap];
      break;
    case 'above':
      [x0, y0] = [c.x - c.width / 2, c.y - c.size - gap - height];
      break;
  }
  return { x0: x0 - margin, y0: y0 - margin, x1: x0 + c.width + margin, y1: y0 + height + margin };
}

/**
 * Greedy placement: candidates must come most important first. Each label takes the first side (right, left,
 * below, above) where it overlaps no placed label and no node disc; failing that, the first side where it overlaps
 * no label and no disc of a more central node (so a hub keeps its name in a dense cluster). Off-screen nodes are
 * skipped. A uniform grid keeps the overlap tests near-constant per label.
 */
export function placeLabels(candidates: Iterable<LabelCandidate>, opts: PlaceOptions): Map<string, LabelSide> {
  const margin = opts.margin ?? 2;
  const placed = new Map<string, LabelSide>();
  const grid = new Map<number, Box[]>();
  const cols = Math.ceil(opts.viewWidth / CELL) + 2;
  const cellsOf = (b: Box): number[] => {
    const out: number[] = [];
    for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++)
      for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++) out.push((cy + 1) * cols + cx + 1);
    return out;
  };
  const insert = (box: Box) => {
    for (const k of cellsOf(box)) {
      const list = grid.get(k);
      if (list) list.push(box);
      else grid.set(k, [box]);
    }
  };
  const obstacle = opts.obstacleSize ?? Infinity;
  const list = [...candidates];
  // Every big node's disc, marked with its rank: a label avoids them all if it can, and must avoid the ones of
  // more central nodes.
  list.forEach((c, rank) => {
    if (c.size >= obstacle)
      insert({ x0: c.x - c.size, y0: c.y - c.size, x1: c.x + c.size, y1: c.y + c.size, owner: c.id, rank });
  });
  // A label must fit on screen whole: one cut at the edge reads as another name.
  const onScreen = (b: Box) => b.x0 >= 0 && b.x1 <= opts.viewWidth && b.y0 >= 0 && b.y1 <= opts.viewHeight;
  const nearScreen = (c: LabelCandidate) =>
    c.x + c.size >= 0 && c.x - c.size <= opts.viewWidth && c.y + c.size >= 0 && c.y - c.size <= opts.viewHeight;
  const fits = (c: LabelCandidate, rank: number, box: Box, strict: boolean) =>
    !cellsOf(box).some((k) =>
      (grid.get(k) ?? []).some(
        (o) =>
          o.owner !== c.id &&
          (o.rank === undefined || strict || o.rank < rank) &&
          box.x0 < o.x1 &&
          box.x1 > o.x0 &&
          box.y0 < o.y1 &&
          box.y1 > o.y0,
      ),
    );
  const pinned = list.find((c) => c.id === opts.pinned);
  if (pinned && pinned.width > 0) {
    const box = labelBox(pinned, 'right', opts.height, margin);
    placed.set(pinned.id, 'right');
    insert(box);
  }
  list.forEach((c, rank) => {
    if (placed.size >= opts.max || c.width <= 0 || placed.has(c.id)) return;
    const boxes = SIDES.map((side) => [side, labelBox(c, side, opts.height, margin)] as const);
    if (!nearScreen(c)) return;
    const pick =
      boxes.find(([, b]) => onScreen(b) && fits(c, rank, b, true)) ??
      boxes.find(([, b]) => onScreen(b) && fits(c, rank, b, false));
    if (!pick) return;
    placed.set(c.id, pick[0]);
    insert(pick[1]);
  });
  return placed;
}
