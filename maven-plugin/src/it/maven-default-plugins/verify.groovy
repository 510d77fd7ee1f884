File classes = new File(basedir, 'target/classes/turnpike/generated/api')
assert classes.isDirectory() && classes.list().any { it.endsWith('.class') } : 'generated sources not compiled'
assert new File(basedir, 'target/classes/META-INF/services/dev.turnpike.runtime.model.GeneratedApi').isFile()
return true
