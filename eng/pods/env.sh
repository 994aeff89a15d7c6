# Shared settings of the eng/pods scripts.
PODSUITE_REGISTRY=${PODSUITE_REGISTRY:-localhost:5055}
PODSUITE_WORK=${PODSUITE_WORK:-/var/tmp/podsuite-pods}
PODSUITE_TAG=${PODSUITE_TAG:-latest}
PODSUITE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mkdir -p "$PODSUITE_WORK"
