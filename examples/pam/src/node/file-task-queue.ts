import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { QueuedTask, TaskQueue } from "@hearth/escalate";
import { QueueFormatError } from "../errors/queue-format-error";

interface QueueFile {
  readonly v: 1;
  readonly tasks: QueuedTask[];
}

/**
 * The escalation queue in a JSON file of the device's profile (mode 0600: the tasks wait in clear, before
 * redaction), so tasks queued while no cloud model was reachable survive a restart and are sent later. Writes go
 * to a temporary file renamed over the old one, so a crash leaves either queue whole.
 */
export class FileTaskQueue implements TaskQueue {
  constructor(readonly path: string) {}

  async list(): Promise<QueuedTask[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    let value: Partial<QueueFile>;
    try {
      value = JSON.parse(text) as Partial<QueueFile>;
    } catch (cause) {
      throw new QueueFormatError(`The escalation queue ${this.path} is not JSON; move it aside to start afresh.`, {
        cause,
      });
    }
    if (value.v !== 1 || !Array.isArray(value.tasks) || value.tasks.some((t) => typeof t?.id !== "string")) {
      throw new QueueFormatError(
        `The escalation queue ${this.path} is damaged or from a newer PAM; move it aside to start afresh.`,
      );
    }
    return value.tasks;
  }

  async push(task: QueuedTask): Promise<void> {
    await this.write([...(await this.list()), task]);
  }

  async remove(id: string): Promise<void> {
    const tasks = await this.list();
    const rest = tasks.filter((t) => t.id !== id);
    if (rest.length !== tasks.length) await this.write(rest);
  }

  private async write(tasks: QueuedTask[]): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const tmp = join(dirname(this.path), `.queue-${process.pid}.tmp`);
    const file: QueueFile = { v: 1, tasks };
    await writeFile(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.path);
  }
}
