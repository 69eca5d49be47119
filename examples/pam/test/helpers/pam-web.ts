// Starts the built `pam web` as its own process and reads the address it prints.
import { type ChildProcess, spawn } from "node:child_process";
import { cli, env } from "./pam-cli";

export interface PamWebProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export function startPamWeb(home: string, ...args: string[]): Promise<PamWebProcess> {
  const child = spawn(process.execPath, [cli, "--home", home, "web", "--port", "0", ...args], { env });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /PAM web on (\S+)/.exec(out)?.[1];
      if (url)
        resolve({
          url,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
    });
    child.once("exit", (code) => reject(new Error(`pam web exited (${code}): ${out}${err}`)));
  });
}
