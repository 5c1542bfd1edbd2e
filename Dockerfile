# postiz-connect in a small image, to run where Postiz runs: on its compose network, where
# postiz-postgres, postiz-redis and temporal resolve (docs/install.md, "Container image").
#
#   docker build -t postiz-connect .        # compiles from this clone (a few minutes)
#
# The release workflow builds it from the portable binaries it has just built instead:
#   docker buildx build --build-arg BINARY=prebuilt --platform linux/amd64,linux/arm64 .
# with dist/docker/amd64/postiz-connect and dist/docker/arm64/postiz-connect in place.
#
# The runtime is distroless's glibc base (Debian 12: glibc, libgcc, CA certificates, no
# shell), as the user nonroot (65532). No keychain runs in a container: connect there with
# --insecure-storage (0600 files in the config dir, under /home/nonroot: mount a volume
# there to keep them); `postiz status|watch` keep nothing and need no secrets store.

# build | prebuilt: where the binary comes from.
ARG BINARY=build
ARG RUNTIME=gcr.io/distroless/cc-debian12:nonroot

FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --locked --release && cp target/release/postiz-connect /postiz-connect

FROM scratch AS prebuilt
ARG TARGETARCH
COPY dist/docker/${TARGETARCH}/postiz-connect /postiz-connect

FROM ${BINARY} AS binary

FROM ${RUNTIME}
COPY --from=binary /postiz-connect /usr/local/bin/postiz-connect
COPY LICENSE /usr/share/doc/postiz-connect/LICENSE
USER 65532:65532
ENV HOME=/home/nonroot
ENTRYPOINT ["/usr/local/bin/postiz-connect"]
CMD ["--help"]
