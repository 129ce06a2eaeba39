// Helper module of multi_file_project.ts: the experiment's settings.
export const config = { imageSize: 48, channels: 3, stages: 3, classes: 7 };
