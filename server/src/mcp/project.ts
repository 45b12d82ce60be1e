/**
 * What every tool works in: the project folder the agent started the server in, and one Workspace over it (config
 * resolved per file, as the editor and the CLI resolve it). Config problems are kept to be told with the answers.
 */
import { Workspace } from '../core/workspace';

export class Project {
  readonly workspace: Workspace;
  private readonly problems = new Set<string>();

  constructor(readonly cwd: string) {
    this.workspace = new Workspace({ roots: [cwd], onConfigProblem: (m) => this.problems.add(m) });
  }

  /** The config problems met so far (a file's config is read once, so each is told until it is fixed). */
  configProblems(): string[] {
    return [...this.problems];
  }
}
