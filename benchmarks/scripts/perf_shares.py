#!/usr/bin/env python3
"""Splits `perf report --sort dso,symbol --stdio` output into where a CTGAN training step spends CPU time.

  kernels    PyTorch's compute kernels: MKL/oneDNN/Sleef routines, vectorised loops, named *_kernel*/*_impl
             functions, random number generation
  framework  the rest of libtorch/c10: dispatcher, autograd bookkeeping, tensor allocation
  outside    everything outside PyTorch: the JVM, JIT-compiled Java, DJL's JNI glue, libc, the OS kernel
Usage: perf report -i perf.data --sort dso,symbol --stdio | perf_shares.py
"""
import re
import sys

KERNEL = re.compile(r"mkl_|Sleef_|dnnl|VectorizedLoop|loop_2d_from_1d|cascade_sum|_kernel|_impl|normal_kernel|"
                    r"CPUGeneratorImpl::random|cpu_serial|log_softmax|Vectorized<")
shares = {"kernels": 0.0, "framework": 0.0, "outside": 0.0}
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.*)", line)
    if not m:
        continue
    pct, dso, symbol = float(m.group(1)), m.group(2), m.group(3)
    if dso.startswith("libtorch") or dso.startswith("libc10") or dso.startswith("libgomp"):
        shares["kernels" if KERNEL.search(symbol) else "framework"] += pct
    else:
        shares["outside"] += pct
total = sum(shares.values()) or 1.0
for name, pct in shares.items():
    print(f"| {name} | {100 * pct / total:.1f} % |")
