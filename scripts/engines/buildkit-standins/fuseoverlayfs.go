// Package fuseoverlayfs is a local stub for github.com/containerd/fuse-overlayfs-snapshotter
// (not packaged in Debian): the fuse-overlayfs snapshotter is reported as unavailable.
package fuseoverlayfs

import (
	"errors"

	"github.com/containerd/containerd/snapshots"
)

var errUnsupported = errors.New("fuse-overlayfs snapshotter is not included in this build")

type SnapshotterConfig struct{}

type Opt func(config *SnapshotterConfig) error

func Supported(root string) error { return errUnsupported }

func NewSnapshotter(root string, opts ...Opt) (snapshots.Snapshotter, error) {
	return nil, errUnsupported
}
