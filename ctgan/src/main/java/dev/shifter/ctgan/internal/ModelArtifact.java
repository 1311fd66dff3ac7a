package dev.shifter.ctgan.internal;

/**
 * A complete saved model in memory: the manifest and the bytes of the networks' and optimizers' files.
 *
 * @param manifest the manifest
 * @param state the parameters and optimizer states
 */
public record ModelArtifact(ModelManifest manifest, NetworkState state) {}
