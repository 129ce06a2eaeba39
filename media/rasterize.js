// PNG export helper page: draws an SVG document onto a canvas and posts back a PNG data URL. It renders nothing
// visible and accepts only {type:'rasterize', svg, scale} messages; the host validates the answer.
(function () {
  const vscode = acquireVsCodeApi();
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'rasterize' || typeof m.svg !== 'string') return;
    const scale = typeof m.scale === 'number' && m.scale > 0 && m.scale <= 8 ? m.scale : 2;
    const doc = new DOMParser().parseFromString(m.svg, 'image/svg+xml');
    const root = doc.documentElement;
    const vb = (root.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    const width = parseFloat(root.getAttribute('width')) || vb[2] || 800;
    const height = parseFloat(root.getAttribute('height')) || vb[3] || 600;
    const url = URL.createObjectURL(new Blob([m.svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      vscode.postMessage({ type: 'png', dataUrl: canvas.toDataURL('image/png') });
    };
    img.onerror = () => vscode.postMessage({ type: 'error', message: 'the SVG could not be drawn' });
    img.src = url;
  });
  vscode.postMessage({ type: 'ready' });
})();
