#!/usr/bin/env bash
# Writes the base image of ClaimBench's container image as a tar (the format of 'docker save'), made here without a
# registry or a container engine: a Java runtime linked (jlink) from the build's own JDK, the C libraries it loads,
# taken from this machine, and a writable /tmp. Jib builds the application's layers on it (quarkus.jib.base-jvm-image
# = tar://...). Usage: base-image.sh OUT.tar   (JAVA_HOME: the JDK to link the runtime from, 21 or later)
set -euo pipefail
out=$1
java_home=${JAVA_HOME:?JAVA_HOME must name the JDK to link the runtime from}
if [ -s "$out" ] && [ "$out" -nt "$0" ]; then echo "base image: $out is up to date"; exit 0; fi
work=$(mktemp -d "$(dirname "$out")/base-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/opt" "$root/tmp" "$root/etc" "$root/work"
chmod 1777 "$root/tmp"

# The modules Quarkus, Hibernate, the JDBC drivers and LangChain4j's HTTP clients use.
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.jfr,jdk.net,jdk.crypto.cryptoki \
  --strip-debug --no-man-pages --no-header-files --output "$root/opt/java"

# The shared libraries the runtime's binaries load (the loader, libc, libm, libz...), and libstdc++ for onnxruntime.
libs=$( { find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null || true; } \
  | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$root" | sort -u)
for extra in libstdc++.so.6 libgcc_s.so.1; do
  # (awk reads to the end: leaving early would end ldconfig with SIGPIPE, which pipefail makes a failure)
  libs="$libs $(ldconfig -p | awk -v n="$extra" '$1 == n && /x86-64/ && !found {print $NF; found = 1}')"
done
for lib in $libs; do
  [ -e "$lib" ] || continue
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

printf 'root:x:0:0:root:/root:/sbin/nologin\nclaimbench:x:185:185:claimbench:/work:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nclaimbench:x:185:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
chown -R 185:185 "$root/work" 2>/dev/null || true

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"WorkingDir":"/work"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"src/main/image/base-image.sh: jlink runtime and C libraries"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["claimbench-base:local"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
tar --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out.part" manifest.json config.json layer.tar
mv "$out.part" "$out"
echo "base image: $out ($(du -h "$out" | cut -f1))"
