#!/bin/sh
# Makes content/assets/fonts/noto-sans-myanmar.woff2: Noto Sans Myanmar (SIL OFL 1.1, from
# Debian's fonts-noto-core) cut down to the Myanmar Unicode blocks, with all its shaping
# features, as WOFF2. content/assets/burmese.css loads it with @font-face and unicode-range, so a browser fetches
# it only for pages that contain Burmese text and only when no system font covers the script.
# Needs: apt-get install fonts-noto-core; pip install fonttools brotli.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
source_font=${SOURCE_FONT:-/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf}
out="$here/content/assets/fonts/noto-sans-myanmar.woff2"
# Myanmar, Myanmar Extended-A and -B, the zero-width (non-)joiners and the dotted circle
# that shaping engines show for a mark without its base.
unicodes="U+1000-109F,U+AA60-AA7F,U+A9E0-A9FF,U+200B-200D,U+25CC"
mkdir -p "$(dirname "$out")"
pyftsubset "$source_font" --unicodes="$unicodes" --layout-features='*' --flavor=woff2 \
  --name-IDs='*' --name-legacy --name-languages='*' --output-file="$out"
# The licence travels with the font: Google's copyright line and the OFL text from Debian's
# copyright file (its "License: OFL-1.1" paragraph, dots as blank lines).
{
  echo "noto-sans-myanmar.woff2: a subset of Noto Sans Myanmar Regular (Debian fonts-noto-core),"
  echo "made by tools/make-myanmar-font.sh. Noto has no Reserved Font Name."
  echo
  echo "Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC."
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo
  awk 'prev == "License: OFL-1.1" && /^ / { on = 1 } on && /^[^ ]/ { on = 0 } { prev = $0 } on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }' \
    /usr/share/doc/fonts-noto-core/copyright
} > "$(dirname "$out")/OFL.txt"
echo "wrote $out ($(wc -c < "$out") bytes)"
