import type { ImageStoreCommands } from "../backend/contract.js";

/**
 * Image-store commands of CLIs that follow docker's (`image inspect --format`,
 * `tag SOURCE TARGET`): docker, podman, nerdctl. One `tag` per target, as
 * docker's takes one.
 */
export const cliImageStore: ImageStoreCommands = {
  imageId: (ref) => ["image", "inspect", "--format", "{{.Id}}", ref],
  imageIds: (refs) => ["image", "inspect", "--format", "{{.Id}}", ...refs],
  tag: (id, tags) => tags.map((tag) => ["tag", id, tag]),
};
