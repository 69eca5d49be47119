/** A screen of the app: its element, and a refresh that redraws what changed (forms keep their input). */
export interface Screen {
  readonly element: HTMLElement;
  refresh(): void;
}
