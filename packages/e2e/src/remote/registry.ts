import { registryAddress } from "@bento/test-support";

const MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
].join(", ");

/** `ADDR/name:tag` in the loopback registry, for a name no other run uses. */
export function registryRef(name: string, tag: string): string {
  return `${registryAddress()}/${name}:${tag}`;
}

/** A manifest or index as the registry serves it, with its digest. */
export interface RegistryManifest {
  digest: string;
  mediaType: string;
  body: {
    config?: { digest: string };
    manifests?: { digest: string; annotations?: Record<string, string> }[];
  };
}

function parts(ref: string): { base: string; name: string; tag: string } {
  const at = ref.lastIndexOf(":");
  const path = ref.slice(0, at);
  const slash = path.indexOf("/");
  return {
    base: `http://${path.slice(0, slash)}`,
    name: path.slice(slash + 1),
    tag: ref.slice(at + 1),
  };
}

/** Fetches `ref`'s manifest (or a digest's, with `reference`); rejects unless the registry has it. */
export async function fetchManifest(ref: string, reference?: string): Promise<RegistryManifest> {
  const { base, name, tag } = parts(ref);
  const response = await fetch(`${base}/v2/${name}/manifests/${reference ?? tag}`, {
    headers: { accept: MANIFEST_TYPES },
  });
  if (!response.ok) throw new Error(`registry: ${ref} answered ${response.status}`);
  return {
    digest: response.headers.get("docker-content-digest") ?? "",
    mediaType: response.headers.get("content-type") ?? "",
    body: (await response.json()) as RegistryManifest["body"],
  };
}

/** The image config digest `ref` names, following an index to its first image manifest. */
export async function configDigest(ref: string): Promise<string> {
  const top = await fetchManifest(ref);
  if (top.body.config) return top.body.config.digest;
  const image = top.body.manifests?.find(
    (entry) => entry.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest",
  );
  if (!image) throw new Error(`registry: ${ref} is an index without an image`);
  const manifest = await fetchManifest(ref, image.digest);
  return manifest.body.config?.digest ?? "";
}

/** Deletes `ref`'s manifest from the registry (its blobs stay until garbage collection). */
export async function deleteFromRegistry(ref: string): Promise<void> {
  const { base, name } = parts(ref);
  const manifest = await fetchManifest(ref).catch(() => undefined);
  if (!manifest?.digest) return;
  await fetch(`${base}/v2/${name}/manifests/${manifest.digest}`, { method: "DELETE" });
}
