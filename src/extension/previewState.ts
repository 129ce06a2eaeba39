// Host-side bookkeeping for the preview: which (document, version) the webview was last sent, so unchanged or older
// versions are not posted again. No VS Code API; the webview keeps its own guard as well.

export class PostedVersions {
  private uri: string | null = null;
  private version = -1;

  /** True (and remembered) when this version is newer than the last one posted for the same document, or the
   *  document differs from the last one posted. */
  shouldPost(uri: string, version: number): boolean {
    if (uri === this.uri && version <= this.version) return false;
    this.uri = uri;
    this.version = version;
    return true;
  }

  reset(): void {
    this.uri = null;
    this.version = -1;
  }
}
