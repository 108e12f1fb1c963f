/** Where a bento keeps the `docker.dockerfile_template` it was built with. */
export const USER_TEMPLATE_PATH = "env/docker/Dockerfile.template";
