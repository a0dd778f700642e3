#!/usr/bin/env bash
# Draws packaging/linux/kigo.png (256x256): a round ink-blue tile with three brush-like strokes whose
# lengths go 5 : 7 : 5, the shape of a haiku. Needs ImageMagick (`convert`). The PNG is committed; run this
# only to change the design.
set -euo pipefail
OUT="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kigo.png}"
# Stroke unit: 7 units = 154 px, so 5 units = 110 px; strokes are centred on x = 128.
convert -size 256x256 xc:none \
  -fill '#1f3b57' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#f4efe4' \
  -draw 'roundrectangle 73,70 183,88 9,9' \
  -draw 'roundrectangle 51,119 205,137 9,9' \
  -draw 'roundrectangle 73,168 183,186 9,9' \
  -fill '#c8553d' -draw 'circle 196,196 196,209' \
  -strip "PNG32:$OUT"
echo "wrote $OUT" >&2
