# Installs the browsers the tests run in, from Debian packages, only where they are missing:
#   chromium             Chromium (driven with Playwright over CDP)
#   firefox-esr          Firefox (driven with puppeteer-core over WebDriver BiDi)
#   webkit2gtk-driver    WebKitGTK's WebKitWebDriver and MiniBrowser (WebDriver)
#   xvfb                 xvfb-run: WebKitGTK needs a display, even in CI
# plus fonts-liberation (metric-compatible fonts, the same in every engine).
# Needs root (apt-get); otherwise it says what is missing and how to install it, and the tests
# of a missing engine fail with a clear message instead.
set -e

missing=''
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
[ -x /usr/bin/WebKitWebDriver ] || missing="$missing webkit2gtk-driver"
[ -x /usr/bin/xvfb-run ] || missing="$missing xvfb"
[ -d /usr/share/fonts/truetype/liberation ] || missing="$missing fonts-liberation"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "ensure-browsers: not root, so not installing the missing Debian packages:$missing" >&2
  echo "ensure-browsers: install them with: sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 0
fi

echo "ensure-browsers: installing the missing Debian packages with apt-get:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
apt-get install -y -qq --no-install-recommends $missing >/dev/null
