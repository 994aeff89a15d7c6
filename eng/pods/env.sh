# Shared settings of the eng/pods scripts.
PODSUITE_REGISTRY=${PODSUITE_REGISTRY:-localhost:5055}
PODSUITE_WORK=${PODSUITE_WORK:-/var/tmp/podsuite-pods}
PODSUITE_TAG=${PODSUITE_TAG:-latest}
PODSUITE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The scripts write there as root: it must be their user's own. Made with mode 0700; one that another user owns (who
# could point its files elsewhere), or that is a symbolic link, is refused.
if [ -L "$PODSUITE_WORK" ]; then
  echo "error: the working directory $PODSUITE_WORK is a symbolic link; remove it (rm $PODSUITE_WORK) or set PODSUITE_WORK" >&2
  exit 1
fi
mkdir -p -m 0700 "$PODSUITE_WORK"
if [ "$(stat -c %u "$PODSUITE_WORK")" != "$(id -u)" ]; then
  echo "error: the working directory $PODSUITE_WORK belongs to $(stat -c %U "$PODSUITE_WORK"), not to $(id -un), who writes there;" \
    "remove it (rm -rf $PODSUITE_WORK) or set PODSUITE_WORK to a directory of your own" >&2
  exit 1
fi
chmod 0700 "$PODSUITE_WORK"
