import type { ImageStoreCommands } from "@bento/container-core";

/**
 * buildah's image-store commands: `inspect --type image` prints a local
 * image's id, `tag` gives it several names at once.
 */
export const buildahImageStore: ImageStoreCommands = {
  imageId: (ref) => ["inspect", "--type", "image", "--format", "{{.FromImageID}}", ref],
  tag: (id, tags) => [["tag", id, ...tags]],
};
