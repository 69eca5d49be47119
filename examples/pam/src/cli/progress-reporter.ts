import cliProgress from "cli-progress";

/** Shows `{ phase, loaded, total }` progress: bars on a terminal, a plain line per phase and per finish otherwise. */
export class ProgressReporter {
  private readonly multi: cliProgress.MultiBar | undefined;
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private readonly lastLine = new Map<string, number>();

  constructor(
    private readonly out: NodeJS.WriteStream = process.stdout,
    tty: boolean = Boolean(out.isTTY),
  ) {
    this.multi = tty
      ? new cliProgress.MultiBar(
          {
            format: "  {name} [{bar}] {percentage}% {value}/{total} {unit}",
            hideCursor: true,
            clearOnComplete: false,
            stream: out,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  }

  update(name: string, loaded: number, total: number, unit = "bytes"): void {
    if (this.multi) {
      let bar = this.bars.get(name);
      if (!bar) {
        bar = this.multi.create(total, 0, { name, unit });
        this.bars.set(name, bar);
      }
      bar.setTotal(total);
      bar.update(loaded, { name, unit });
      return;
    }
    // Without a terminal: a line when a step starts and when it ends, never a flood.
    const last = this.lastLine.get(name);
    const done = total > 0 && loaded >= total;
    if (last === undefined || (done && last < total)) {
      this.lastLine.set(name, done ? total : 0);
      this.out.write(`  ${name}: ${loaded}/${total} ${unit}${done ? " done" : ""}\n`);
    }
  }

  stop(): void {
    this.multi?.stop();
  }
}
