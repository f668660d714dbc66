// CSystem is headers only; this file exists because SwiftPM needs one source per C target.
#include "CSystem.h"
