//! Native standard-library modules (math, _sre, ...); filled in by the VM issues.
