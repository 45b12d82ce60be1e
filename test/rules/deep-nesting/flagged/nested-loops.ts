interface Cell {
  value: number;
  neighbours: Cell[];
}

export function countClusters(grid: Cell[][], threshold: number): number {
  let clusters = 0;
  for (let y = 0; y < grid.length; y++) {
    for (let x = 0; x < grid[y].length; x++) {
      const cell = grid[y][x];
      if (cell.value > threshold) {
        for (const n of cell.neighbours) {
          if (n.value > threshold) { // expect: deep-nesting:11
            clusters++;
          }
        }
      }
    }
  }
  return clusters;
}

export const retryAll = async (tasks: (() => Promise<void>)[]): Promise<void> => {
  for (const task of tasks) {
    let attempt = 0;
    do {
      try {
        await task();
        break;
      } catch (err) {
        if (attempt < 3) {
          if (err instanceof Error) {
            for (const line of String(err.stack).split('\n')) if (line.includes('ECONNRESET')) attempt++; // expect: deep-nesting:63
          }
        } else throw err;
      }
    } while (attempt < 5);
  }
};
