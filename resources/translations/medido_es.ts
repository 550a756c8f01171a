<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountBox</name>
    <message>
        <location filename="../../app/gui/steps/connection/account_box.py" line="+107"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token:</source>
        <translation>Token de acceso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token:</source>
        <translation>Token de refresco:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and &amp;forget the remembered token</source>
        <translation>y &amp;olvidar el token recordado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes this gateway&apos;s token from the credential store of this computer.</source>
        <translation>Quita el token de esta puerta de enlace del almacén de credenciales de este computador.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ChileMedido answered the login with a new refresh token and may no longer accept the one that was pasted. If that was the gateway&apos;s own token, give the gateway this newest one.</source>
        <translation>ChileMedido respondió el inicio de sesión con un nuevo token de actualización y puede que ya no acepte el que se pegó. Si ese era el token de la propia puerta de enlace, entréguele este más reciente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cop&amp;y newest token</source>
        <translation>Cop&amp;iar el token más reciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Puts the newest refresh token on the clipboard, after a warning.</source>
        <translation>Pone el token de actualización más reciente en el portapapeles, después de una advertencia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve newest token…</source>
        <translation>&amp;Guardar el token más reciente…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves the newest refresh token to a file, after a warning.</source>
        <translation>Guarda el token de actualización más reciente en un archivo, después de una advertencia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not logged in.</source>
        <translation>No ha iniciado sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logging in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in to ChileMedido.</source>
        <translation>Sesión iniciada en ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in; renewing the access token…</source>
        <translation>Sesión iniciada; renovando el token de acceso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in, but ChileMedido cannot be reached now.</source>
        <translation>Sesión iniciada, pero ChileMedido no responde en este momento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The refresh token expired: log in with a new one.</source>
        <translation>El token de refresco venció: inicie sesión con uno nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection has a problem.</source>
        <translation>La conexión tiene un problema.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>provider %1 · gateway %2</source>
        <translation>proveedor %1 · puerta de enlace %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>renews itself in %1</source>
        <translation>se renueva sola en %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none yet</source>
        <translation>aún no hay</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expired on %1</source>
        <translation>venció el %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>vence el %1 (queda %n día)</numerusform>
            <numerusform>vence el %1 (quedan %n días)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddressAdvice</name>
    <message>
        <location filename="../../app/gui/steps/connection/address_advice.py" line="+25"/>
        <source>The API address cannot be used.</source>
        <translation>La dirección de la API no se puede usar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ChileMedido&apos;s API address ends in /api/v1: use %1</source>
        <translation>La dirección de la API de ChileMedido termina en /api/v1: use %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ChileMedido&apos;s API address ends in /api/v1 (e.g. %1): check the path.</source>
        <translation>La dirección de la API de ChileMedido termina en /api/v1 (p. ej. %1): revise la ruta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the server&apos;s API address, e.g. %1</source>
        <translation>Escriba la dirección de la API del servidor, p. ej. %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the port after the server&apos;s name as a number from 1 to 65535 (e.g. https://example.cl:8443/api/v1), or leave it out.</source>
        <translation>Escriba el puerto después del nombre del servidor como un número de 1 a 65535 (p. ej. https://example.cl:8443/api/v1), u omítalo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove the user name and password (up to the @): use %1</source>
        <translation>Quite el usuario y la contraseña (hasta la @): use %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the part from the ? or # on: use %1</source>
        <translation>Quite la parte desde el ? o el #: use %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add http:// at the start: use %1</source>
        <translation>Agregue http:// al comienzo: use %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add https:// at the start: use %1</source>
        <translation>Agregue https:// al comienzo: use %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the address with https:// instead of %1://: use %2</source>
        <translation>Comience la dirección con https:// en vez de %1://: use %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the server&apos;s name after %1://, e.g. %2</source>
        <translation>Escriba el nombre del servidor después de %1://, p. ej. %2</translation>
    </message>
</context>
<context>
    <name>BundleOpener</name>
    <message>
        <location filename="../../app/gui/open_bundle.py" line="+96"/>
        <source>This file cannot be opened as a diagnostics bundle.</source>
        <translation>Este archivo no se puede abrir como paquete de diagnóstico.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Bundle opened: its site runs here, reproduced.</source>
        <translation>Paquete abierto: su sitio corre aquí, reproducido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The meter answers with the captured registers; its values do not move.</source>
        <translation>El medidor responde con los registros capturados; sus valores no cambian.</translation>
    </message>
</context>
<context>
    <name>CheckFinding</name>
    <message>
        <location filename="../../app/gui/checklist_texts.py" line="+21"/>
        <source>ChileMedido answered in {ms} ms.</source>
        <translation>ChileMedido respondió en {ms} ms.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido answered in {ms} ms through the proxy {proxy}.</source>
        <translation>ChileMedido respondió en {ms} ms a través del proxy {proxy}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server address is not https: tokens travel unencrypted.</source>
        <translation>La dirección del servidor no es https: los tokens viajan sin cifrar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the https address of ChileMedido.</source>
        <translation>Use la dirección https de ChileMedido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provider {provider}, gateway {gateway}; the refresh token is valid for {days} more days.</source>
        <translation>Proveedor {provider}, puerta de enlace {gateway}; el token de actualización vale {days} días más.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Provider {provider}, gateway {gateway}; the refresh token expires in {days} days.</source>
        <translation>Proveedor {provider}, puerta de enlace {gateway}; el token de actualización vence en {days} días.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the ChileMedido administrator for a new refresh token for the gateway.</source>
        <translation>Pida al administrador de ChileMedido un nuevo token de actualización para la puerta de enlace.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provider {provider}, gateway {gateway}; the token has no expiry date.</source>
        <translation>Proveedor {provider}, puerta de enlace {gateway}; el token no tiene fecha de vencimiento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meter {number} (id {id}) with {count} sensors.</source>
        <translation>Medidor {number} (id {id}) con {count} sensores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The meter is registered but has no sensors configured.</source>
        <translation>El medidor está registrado pero no tiene sensores configurados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask ChileMedido to configure the meter&apos;s sensors.</source>
        <translation>Pida a ChileMedido que configure los sensores del medidor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No meter number was given.</source>
        <translation>No se indicó el número del medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the meter&apos;s number as registered on ChileMedido.</source>
        <translation>Ingrese el número del medidor tal como está registrado en ChileMedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile supplies all {total} sensors.</source>
        <translation>El perfil entrega los {total} sensores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile supplies {supplied} of {total} sensors; not: {missing}.</source>
        <translation>El perfil entrega {supplied} de {total} sensores; no: {missing}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Those sensors will never be reported: check the profile or the device&apos;s configuration.</source>
        <translation>Esos sensores nunca se informarán: revise el perfil o la configuración del dispositivo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The profile {profile} supplies none of the meter&apos;s {total} sensors.</source>
        <translation>El perfil {profile} no entrega ninguno de los {total} sensores del medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the profile of this meter&apos;s model, or ask ChileMedido which sensors it expects.</source>
        <translation>Elija el perfil del modelo de este medidor, o pregunte a ChileMedido qué sensores espera.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter is not known on ChileMedido.</source>
        <translation>El medidor no es conocido en ChileMedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No meter is connected.</source>
        <translation>No hay ningún medidor conectado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect the meter on the Meter page.</source>
        <translation>Conecte el medidor en la página Medidor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{read} of {total} values read in {polls} polls.</source>
        <translation>{read} de {total} valores leídos en {polls} lecturas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not read: {sensors}.</source>
        <translation>No leídos: {sensors}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Meter page&apos;s table says why for each (a register the meter lacks, an exception).</source>
        <translation>La tabla de la página Medidor dice por qué en cada caso (un registro que el medidor no tiene, una excepción).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter answers, but none of the profile&apos;s {count} values were read: wrong profile or unit id.</source>
        <translation>El medidor responde, pero no se leyó ninguno de los {count} valores del perfil: perfil o id de unidad equivocado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the profile of this meter&apos;s model (Auto-detect finds it) and check the unit id set on the meter.</source>
        <translation>Elija el perfil del modelo de este medidor (Autodetectar lo encuentra) y revise el id de unidad configurado en el medidor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Values no meter can produce: {sensors}.</source>
        <translation>Valores que ningún medidor puede producir: {sensors}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile decodes these wrongly (type, word order, scale or a &apos;not available&apos; pattern): check the profile and the unit id.</source>
        <translation>El perfil los decodifica mal (tipo, orden de palabras, escala o un patrón de &apos;no disponible&apos;): revise el perfil y el id de unidad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voltages as Chile&apos;s 220/380 V network ({voltages}).</source>
        <translation>Voltajes como los de la red chilena de 220/380 V ({voltages}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase {phase} has no voltage ({volts} V) while the others do.</source>
        <translation>La fase {phase} no tiene voltaje ({volts} V) mientras las otras sí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check phase {phase}&apos;s voltage connection to the meter (fuse, terminal, wire).</source>
        <translation>Revise la conexión de voltaje de la fase {phase} al medidor (fusible, borne, cable).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter measures no voltage on any phase.</source>
        <translation>El medidor no mide voltaje en ninguna fase.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter&apos;s voltage inputs and their fuses.</source>
        <translation>Revise las entradas de voltaje del medidor y sus fusibles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phase {phase} measures {volts} V, outside {nominal} V ± {band}.</source>
        <translation>La fase {phase} mide {volts} V, fuera de {nominal} V ± {band}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the voltage wiring (a phase-to-phase voltage on a phase input?) and the meter&apos;s VT ratio if it measures through voltage transformers.</source>
        <translation>Revise el cableado de voltaje (¿un voltaje entre fases en una entrada de fase?) y la razón de TP del medidor si mide a través de transformadores de potencial.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line voltage {pair} is {volts} V, outside {nominal} V ± {band}.</source>
        <translation>El voltaje entre líneas {pair} es {volts} V, fuera de {nominal} V ± {band}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the phase sequence and the voltage wiring.</source>
        <translation>Revise la secuencia de fases y el cableado de voltaje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Frequency {hz} Hz (network: 50 Hz).</source>
        <translation>Frecuencia {hz} Hz (red: 50 Hz).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A network frequency this far from 50 Hz is unlikely: check the profile&apos;s frequency register and its scale.</source>
        <translation>Una frecuencia de red tan lejos de 50 Hz es improbable: revise el registro de frecuencia del perfil y su escala.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Power factor {pf}.</source>
        <translation>Factor de potencia {pf}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Power factor {pf}: a power factor lies between −1 and 1.</source>
        <translation>Factor de potencia {pf}: un factor de potencia está entre −1 y 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the profile&apos;s scale for the power factor.</source>
        <translation>Revise la escala del perfil para el factor de potencia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Power factor {pf} under load: unusually low.</source>
        <translation>Factor de potencia {pf} con carga: inusualmente bajo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CT on the wrong phase gives a low power factor: check that each CT is on the phase of its voltage input.</source>
        <translation>Un TC en la fase equivocada da un factor de potencia bajo: revise que cada TC esté en la fase de su entrada de voltaje.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phase {phase}&apos;s active power is negative ({kw} kW) while the others&apos; is positive: its CT is mounted backwards (or its leads are swapped).</source>
        <translation>La potencia activa de la fase {phase} es negativa ({kw} kW) mientras la de las otras es positiva: su TC está montado al revés (o sus cables están invertidos).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn phase {phase}&apos;s CT around (the arrow points to the load) or swap its S1/S2 leads.</source>
        <translation>Dé vuelta el TC de la fase {phase} (la flecha apunta a la carga) o invierta sus cables S1/S2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every phase&apos;s active power is negative: the site feeds the network, or every CT is mounted backwards.</source>
        <translation>La potencia activa de todas las fases es negativa: el sitio inyecta a la red, o todos los TC están montados al revés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If the site has no generation, turn all CTs around (arrows to the load).</source>
        <translation>Si el sitio no tiene generación, dé vuelta todos los TC (flechas hacia la carga).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phase powers add up to the total ({sum} vs {total} kW).</source>
        <translation>Las potencias de fase suman el total ({sum} vs {total} kW).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase powers add up to {sum} kW but the total is {total} kW ({off} apart, more than 5 %).</source>
        <translation>Las potencias de fase suman {sum} kW pero el total es {total} kW ({off} de diferencia, más de 5 %).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the profile (a register or scale of another model) and that the readings come from the same meter and unit id.</source>
        <translation>Revise el perfil (un registro o escala de otro modelo) y que las lecturas vengan del mismo medidor e id de unidad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Currents are unbalanced by {imbalance} ({currents}).</source>
        <translation>Las corrientes están desbalanceadas en {imbalance} ({currents}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unbalance may be the load&apos;s; if not, check the CT ratios and that no CT is shorted.</source>
        <translation>El desbalance puede ser de la carga; si no, revise las razones de los TC y que ningún TC esté cortocircuitado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;{sensor}&quot; went down from {before} to {after} kWh: an energy counter only grows.</source>
        <translation>&quot;{sensor}&quot; bajó de {before} a {after} kWh: un contador de energía solo crece.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the profile&apos;s type and word order for this counter, and that the unit id reaches one meter only.</source>
        <translation>Revise el tipo y el orden de palabras del perfil para este contador, y que el id de unidad llegue a un solo medidor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The energy counter grew {counted} kWh; the power integrates to {integrated} kWh.</source>
        <translation>El contador de energía creció {counted} kWh; la potencia integrada da {integrated} kWh.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The energy counter grew {counted} kWh while the power integrates to {integrated} kWh (×{ratio}): the scale is wrong.</source>
        <translation>El contador de energía creció {counted} kWh mientras la potencia integrada da {integrated} kWh (×{ratio}): la escala está mal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the meter&apos;s energy unit setting (kWh, not MWh) and the profile&apos;s scale for energy.</source>
        <translation>Revise la unidad de energía configurada en el medidor (kWh, no MWh) y la escala de energía del perfil.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Magnitudes no meter can produce: {sensors} (never uploaded).</source>
        <translation>Magnitudes que ningún medidor puede producir: {sensors} (nunca se suben).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the profile&apos;s type, word order and scale for these.</source>
        <translation>Revise el tipo, el orden de palabras y la escala del perfil para estos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No values to judge.</source>
        <translation>No hay valores que evaluar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile has none of the values the wiring is judged by.</source>
        <translation>El perfil no tiene ninguno de los valores con que se evalúa el cableado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meter keeps no clock Medido can read (measurements carry the server&apos;s time).</source>
        <translation>El medidor no tiene un reloj que Medido pueda leer (las mediciones llevan la hora del servidor).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The meter&apos;s clock could not be read.</source>
        <translation>No se pudo leer el reloj del medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the profile&apos;s clock registers.</source>
        <translation>Revise los registros de reloj del perfil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido&apos;s clock was not compared: not logged in (see the token step).</source>
        <translation>No se comparó el reloj de ChileMedido: no hay sesión iniciada (vea el paso Token).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server&apos;s clock could not be read.</source>
        <translation>No se pudo leer el reloj del servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the connection to ChileMedido.</source>
        <translation>Revise la conexión con ChileMedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido stored {count} values (HTTP {status}).</source>
        <translation>ChileMedido guardó {count} valores (HTTP {status}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido did not store the measurement.</source>
        <translation>ChileMedido no guardó la medición.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the server&apos;s answer in the report.</source>
        <translation>Vea la respuesta del servidor en el informe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No test measurement was asked for.</source>
        <translation>No se pidió una medición de prueba.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to upload: no meter on ChileMedido or no values.</source>
        <translation>Nada que subir: no hay medidor en ChileMedido o no hay valores.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not run: ChileMedido could not be reached or the token is not valid.</source>
        <translation>No se ejecutó: no se pudo llegar a ChileMedido o el token no es válido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This step stopped on an unexpected error.</source>
        <translation>Este paso se detuvo por un error inesperado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the step again; if it persists, send the diagnostics to support.</source>
        <translation>Ejecute el paso de nuevo; si persiste, envíe el diagnóstico a soporte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>laptop</source>
        <translation>portátil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meter</source>
        <translation>medidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ahead of</source>
        <translation>adelantado respecto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>behind</source>
        <translation>atrasado respecto</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The {clock}&apos;s clock is {amount} {direction} the {reference}&apos;s (± {uncertainty}).</source>
        <translation>El reloj del {clock} está {amount} {direction} del {reference} (± {uncertainty}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Set the clock on the Clock page.</source>
        <translation>Ajuste el reloj en la página Reloj.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/gui/steps/check/page.py" line="+80"/>
        <source>Run the whole commissioning check, fix what it finds, and save the report for the site.</source>
        <translation>Ejecute la verificación completa de la puesta en marcha, corrija lo que encuentre y guarde el informe del sitio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Run the check</source>
        <translation>&amp;Ejecutar la verificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upload a test measurement</source>
        <translation>&amp;Subir una medición de prueba</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>The check was cancelled.</source>
        <translation>La verificación se canceló.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The check has not run yet.</source>
        <translation>La verificación aún no se ha ejecutado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every step passed.</source>
        <translation>Todos los pasos están OK.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No step failed; see the warnings below.</source>
        <translation>Ningún paso falló; revise los avisos más abajo.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n step(s) failed: fix what they say, then run them again.</source>
        <translation>
            <numerusform>%n paso falló: corrija lo que indica y vuelva a ejecutarlo.</numerusform>
            <numerusform>%n pasos fallaron: corrija lo que indican y vuelva a ejecutarlos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <location filename="../../app/gui/steps/check/check_rows.py" line="+105"/>
        <source>Run again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run only this step again</source>
        <translation>Ejecutar de nuevo solo este paso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running…</source>
        <translation>Ejecutando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not run yet.</source>
        <translation>Aún no se ejecuta.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
</context>
<context>
    <name>CheckRows</name>
    <message>
        <location line="-90"/>
        <source>API reachable</source>
        <translation>API alcanzable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter registered</source>
        <translation>Medidor registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensor coverage</source>
        <translation>Cobertura de sensores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter answers</source>
        <translation>El medidor responde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plausibility and wiring</source>
        <translation>Plausibilidad y cableado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clocks</source>
        <translation>Relojes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test upload</source>
        <translation>Subida de prueba</translation>
    </message>
</context>
<context>
    <name>ClockNotes</name>
    <message>
        <location filename="../../app/gui/steps/clock/clock_notes.py" line="+29"/>
        <source>Not logged in: ChileMedido&apos;s clock is unknown. &lt;a href=&quot;connection&quot;&gt;Log in on the Connection step&lt;/a&gt;.</source>
        <translation>Sin sesión iniciada: no se conoce el reloj de ChileMedido. &lt;a href=&quot;connection&quot;&gt;Inicie sesión en el paso Conexión&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No meter connected. &lt;a href=&quot;meter&quot;&gt;Connect to it on the Meter step&lt;/a&gt;.</source>
        <translation>No hay un medidor conectado. &lt;a href=&quot;meter&quot;&gt;Conéctese a él en el paso Medidor&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 profile has no clock: this meter&apos;s clock is not checked, and Medido stamps its measurements.</source>
        <translation>El perfil %1 no tiene reloj: no se revisa el reloj de este medidor, y Medido pone la hora a sus mediciones.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not compared yet.</source>
        <translation>Aún no se comparan los relojes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compared at %1 (laptop time).</source>
        <translation>Comparado a las %1 (hora del notebook).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exchanges with ChileMedido: %1; the fastest took %2.</source>
        <translation>Consultas a ChileMedido: %1; la más rápida tardó %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect to the meter first (Meter step).</source>
        <translation>Primero conéctese al medidor (paso Medidor).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 profile has no clock registers: nothing to set.</source>
        <translation>El perfil %1 no tiene registros de reloj: no hay nada que ajustar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Medido cannot set the clock of the %1: set it from the meter&apos;s display or software.</source>
        <translation>Medido no puede ajustar el reloj del %1: ajústelo desde la pantalla o el software del medidor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare the clocks with ChileMedido first (this needs a login).</source>
        <translation>Primero compare los relojes con ChileMedido (necesita una sesión iniciada).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting the meter&apos;s clock…</source>
        <translation>Ajustando el reloj del medidor…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sets the meter&apos;s clock to ChileMedido&apos;s time (%1), to the second, then reads it back.</source>
        <translation>Ajusta el reloj del medidor a la hora de ChileMedido (%1), al segundo, y luego lo vuelve a leer.</translation>
    </message>
</context>
<context>
    <name>ClockPage</name>
    <message>
        <location filename="../../app/gui/steps/clock/page.py" line="+121"/>
        <source>Compare the meter&apos;s clock with ChileMedido&apos;s and the laptop&apos;s: measurements must be stamped on ChileMedido&apos;s time.</source>
        <translation>Compare el reloj del medidor con el de ChileMedido y el del notebook: las mediciones deben llevar la hora de ChileMedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Compare clocks</source>
        <translation>&amp;Comparar relojes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare every 30 s</source>
        <translation>Comparar cada 30 s</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Comparing…</source>
        <translation>Comparando…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Setting the meter&apos;s clock…</source>
        <translation>Ajustando el reloj del medidor…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The meter&apos;s clock was set to ChileMedido&apos;s time.</source>
        <translation>El reloj del medidor quedó ajustado a la hora de ChileMedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read back: %1 from ChileMedido&apos;s clock.</source>
        <translation>Leído de nuevo: %1 respecto del reloj de ChileMedido.</translation>
    </message>
</context>
<context>
    <name>ClockText</name>
    <message>
        <location filename="../../app/gui/i18n.py" line="+152"/>
        <source>en_US</source>
        <translation>es_CL</translation>
    </message>
    <message>
        <location filename="../../app/gui/steps/clock/clock_text.py" line="+49"/>
        <source>Pass</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>Reprobado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot tell</source>
        <translation>No se puede saber</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Laptop − ChileMedido</source>
        <translation>Notebook − ChileMedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter − ChileMedido</source>
        <translation>Medidor − ChileMedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter − laptop</source>
        <translation>Medidor − notebook</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turn on automatic time (Windows Settings → Time &amp; language → Set time automatically).</source>
        <translation>Active la hora automática (Configuración de Windows → Hora e idioma → Establecer la hora automáticamente).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the meter&apos;s clock: below, if its profile allows, or from its display or software.</source>
        <translation>Ajuste el reloj del medidor: más abajo, si su perfil lo permite, o desde su pantalla o software.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 %2 %3 %4</source>
        <translation>%1 %2 de %3 de %4</translation>
    </message>
</context>
<context>
    <name>ClockView</name>
    <message>
        <location filename="../../app/gui/steps/clock/clock_view.py" line="+78"/>
        <source>ChileMedido</source>
        <translation>ChileMedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop</source>
        <translation>Este notebook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdicts</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reference: the platform&apos;s clock.</source>
        <translation>Referencia: el reloj de la plataforma.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown zone</source>
        <translation>zona desconocida</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No verdict yet: compare the clocks.</source>
        <translation>Aún no hay resultado: compare los relojes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to compare: neither ChileMedido&apos;s nor the meter&apos;s clock.</source>
        <translation>No hay nada que comparar: no se conoce ni el reloj de ChileMedido ni el del medidor.</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../app/gui/steps/connection/page.py" line="+121"/>
        <source>Log in to ChileMedido with the gateway&apos;s refresh token, as the administrator sent it.</source>
        <translation>Inicie sesión en ChileMedido con el token de refresco de la puerta de enlace (gateway), tal como se lo envió el administrador.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No refresh token yet.</source>
        <translation>Aún no hay un token de refresco.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the refresh token, or load it from a file, then log in.</source>
        <translation>Pegue el token de refresco, o cárguelo desde un archivo, y luego inicie sesión.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Logged in as gateway %1 of provider %2.</source>
        <translation>Sesión iniciada como puerta de enlace %1 del proveedor %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Logged out.</source>
        <translation>Sesión cerrada.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Copy it to the clipboard?</source>
        <translation>¿Copiarlo al portapapeles?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save it to a file?</source>
        <translation>¿Guardarlo en un archivo?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the newest refresh token</source>
        <translation>Guardar el token de actualización más reciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The refresh token is a secret: whoever has it can send measurements as gateway %1 of provider %2. It is the newest one, given at this login: put it into the gateway in place of the token it has, since ChileMedido may refuse that one now. Then delete this copy.

%3</source>
        <translation>El token de actualización es un secreto: quien lo tenga puede enviar mediciones como la puerta de enlace %1 del proveedor %2. Es el más reciente, entregado en este inicio de sesión: póngalo en la puerta de enlace en lugar del token que tiene, ya que ChileMedido puede rechazar ese ahora. Luego borre esta copia.

%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hand the newest refresh token back</source>
        <translation>Entregar el token de actualización más reciente</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The newest refresh token is on the clipboard.</source>
        <translation>El token de actualización más reciente está en el portapapeles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste it into the gateway&apos;s configuration, then copy something else so that it does not stay on the clipboard.</source>
        <translation>Péguelo en la configuración de la puerta de enlace y luego copie otra cosa para que no quede en el portapapeles.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The newest refresh token is saved in %1.</source>
        <translation>El token de actualización más reciente quedó guardado en %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put it into the gateway&apos;s configuration, then delete the file: whoever has it can report as this gateway.</source>
        <translation>Póngalo en la configuración de la puerta de enlace y luego borre el archivo: quien lo tenga puede informar como esta puerta de enlace.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no valid refresh token to hand back.</source>
        <translation>No hay un token de actualización válido que entregar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in again, then copy or save the newest token.</source>
        <translation>Inicie sesión de nuevo y luego copie o guarde el token más reciente.</translation>
    </message>
</context>
<context>
    <name>CsvLogging</name>
    <message>
        <location filename="../../app/gui/steps/plot/csv_logging.py" line="+63"/>
        <source>Local time (%1)</source>
        <translation>Hora local (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stop logging</source>
        <translation>Detener el registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Log to CSV…</source>
        <translation>&amp;Registrar en CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Append every reading to a CSV file per day while Medido runs</source>
        <translation>Agregar cada lectura a un archivo CSV por día mientras Medido esté abierto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write the CSV; rows wait in memory</source>
        <translation>No se puede escribir el CSV; las filas esperan en memoria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no reading yet)</source>
        <translation>(aún sin lecturas)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Logging: %1, %n row(s)</source>
        <translation>
            <numerusform>Registrando: %1, %n fila</numerusform>
            <numerusform>Registrando: %1, %n filas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder for the daily CSV files</source>
        <translation>Carpeta para los archivos CSV diarios</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../app/gui/widgets/dates.py" line="+15"/>
        <source>%Y-%m-%d</source>
        <translation>%d-%m-%Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%Y-%m-%d %H:%M</source>
        <translation>%d-%m-%Y %H:%M</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 local time · %2 UTC</source>
        <translation>%1 hora local · %2 UTC</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <location filename="../../app/gui/steps/device/page.py" line="+78"/>
        <source>Find the meter on ChileMedido and compare its variables with the profile.</source>
        <translation>Busque el medidor en ChileMedido y compare sus variables con el perfil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meter profile:</source>
        <translation>Perfil del medidor:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Log in to ChileMedido first.</source>
        <translation>Primero inicie sesión en ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Connection step, then come back to find the meter.</source>
        <translation>Use el paso Conexión y luego vuelva a buscar el medidor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is not a ChileMedido id.</source>
        <translation>“%1” no es un ID de ChileMedido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An id is a whole number, e.g. 29. To use the meter&apos;s own number, look up by meter number.</source>
        <translation>Un ID es un número entero, p. ej. 29. Para usar el número propio del medidor, busque por número de medidor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the meter&apos;s number first.</source>
        <translation>Primero escriba el número del medidor.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No meter with ChileMedido id %1 exists for your provider.</source>
        <translation>No existe un medidor con ID de ChileMedido %1 para su proveedor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No meter numbered “%1” exists for your provider.</source>
        <translation>No existe un medidor con número “%1” para su proveedor.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the number against the meter&apos;s registration on the platform: it must match exactly, spaces, slashes and accents included.</source>
        <translation>Revise el número contra el registro del medidor en la plataforma: debe coincidir exactamente, incluidos espacios, barras y tildes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Meter %1 belongs to another provider.</source>
        <translation>El medidor %1 pertenece a otro proveedor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the number or id, and that you logged in with this gateway&apos;s token.</source>
        <translation>Revise el número o ID, y que haya iniciado sesión con el token de esta puerta de enlace.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No meter chosen yet.</source>
        <translation>Aún no hay un medidor elegido.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Meter “%1” · ChileMedido id %2 · %n variable(s) configured.</source>
        <translation>
            <numerusform>Medidor “%1” · ID de ChileMedido %2 · %n variable configurada.</numerusform>
            <numerusform>Medidor “%1” · ID de ChileMedido %2 · %n variables configuradas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>(none: no comparison)</source>
        <translation>(ninguno: sin comparación)</translation>
    </message>
</context>
<context>
    <name>DeviceTables</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/device/device_tables.py" line="+75"/>
        <source>Profile %1 supplies %2 of the %n variable(s) configured on this meter.</source>
        <translation>
            <numerusform>El perfil %1 entrega %2 de la %n variable configurada en este medidor.</numerusform>
            <numerusform>El perfil %1 entrega %2 de las %n variables configuradas en este medidor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing: %1.</source>
        <translation>No entrega: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n variable(s) of the profile are not configured on the meter: ChileMedido would ignore them.</source>
        <translation>
            <numerusform>%n variable del perfil no está configurada en el medidor: ChileMedido la ignoraría.</numerusform>
            <numerusform>%n variables del perfil no están configuradas en el medidor: ChileMedido las ignoraría.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter:</source>
        <translation>Filtrar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>part of a name, alias or unit (accents optional)</source>
        <translation>parte de un nombre, alias o unidad (las tildes son opcionales)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Get the platform&apos;s dictionary</source>
        <translation>&amp;Obtener el diccionario de la plataforma</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>From the profile</source>
        <translation>Según el perfil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happens</source>
        <translation>Qué pasa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On this meter</source>
        <translation>En este medidor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ChileMedido would ignore it</source>
        <translation>ChileMedido la ignoraría</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Meter&apos;s variables (%1)</source>
        <translation>Variables del medidor (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile&apos;s, not on the meter (%1)</source>
        <translation>Del perfil, no en el medidor (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform dictionary</source>
        <translation>Diccionario de la plataforma</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n variable(s) on the platform.</source>
        <translation>
            <numerusform>%n variable en la plataforma.</numerusform>
            <numerusform>%n variables en la plataforma.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetched from ChileMedido when you ask; kept until you log in again.</source>
        <translation>Se descarga de ChileMedido cuando usted lo pide; se conserva hasta que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>✓ medium confidence</source>
        <translation>✓ confianza media</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ low confidence</source>
        <translation>✓ confianza baja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supplied by profile %1</source>
        <translation>no lo entrega el perfil %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(it has “%1”: check the spelling)</source>
        <translation>(tiene “%1”: revise la ortografía)</translation>
    </message>
</context>
<context>
    <name>EnvironmentBox</name>
    <message>
        <location filename="../../app/gui/steps/connection/environment_box.py" line="+144"/>
        <source>ChileMedido server</source>
        <translation>Servidor de ChileMedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Production (%1)</source>
        <translation>&amp;Producción (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other address:</source>
        <translation>&amp;Otra dirección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local &amp;emulator:</source>
        <translation>&amp;Emulador local:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate file:</source>
        <translation>Archivo de certificado CA:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only if the network re-signs HTTPS (company proxy)</source>
        <translation>solo si la red vuelve a firmar HTTPS (proxy de empresa)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect timeout:</source>
        <translation>Tiempo para conectar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer timeout:</source>
        <translation>Tiempo para responder:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This address uses plain http to %1: tokens and measurements would travel unencrypted. Use https unless this is a test server on your own network.</source>
        <translation>Esta dirección usa http simple hacia %1: los tokens y las mediciones viajarían sin cifrar. Use https, salvo que sea un servidor de prueba en su propia red.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CA certificate file</source>
        <translation>Archivo de certificado CA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../app/gui/error_text.py" line="+30"/>
        <source>ChileMedido cannot be reached.</source>
        <translation>No se puede conectar con ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the laptop&apos;s internet connection, then retry.</source>
        <translation>Revise la conexión a internet del notebook y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s name ({host}) could not be found.</source>
        <translation>No se encontró el nombre del servidor ({host}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the internet connection and the API address in Connection.</source>
        <translation>Revise la conexión a internet y la dirección de la API en Conexión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server ({host}) refused the connection.</source>
        <translation>El servidor ({host}) rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the API address; a firewall or proxy may be blocking it.</source>
        <translation>Revise la dirección de la API; un firewall o proxy podría estar bloqueándola.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido did not answer in time.</source>
        <translation>ChileMedido no respondió a tiempo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection is slow or down. Nothing was lost: retry in a moment.</source>
        <translation>La conexión está lenta o caída. No se perdió nada: vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A web page answered instead of ChileMedido.</source>
        <translation>Respondió una página web en lugar de ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network probably wants a login first (hotel, airport or office Wi-Fi). Open a web browser, log in to the network, then retry.</source>
        <translation>Probablemente esta red pide iniciar sesión primero (Wi-Fi de hotel, aeropuerto u oficina). Abra un navegador, inicie sesión en la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido&apos;s answer arrived cut short or garbled.</source>
        <translation>La respuesta de ChileMedido llegó cortada o alterada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection dropped or a proxy altered it. Retry; if it keeps happening, try another network.</source>
        <translation>La conexión se cortó o un proxy la alteró. Vuelva a intentarlo; si sigue ocurriendo, pruebe otra red.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server&apos;s certificate could not be verified.</source>
        <translation>No se pudo verificar el certificado del servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the laptop&apos;s date and time. A company proxy may need its CA file set in Connection.</source>
        <translation>Revise la fecha y hora del notebook. Si la empresa usa un proxy, puede que haya que indicar su archivo CA en Conexión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The CA certificate file cannot be used.</source>
        <translation>No se puede usar el archivo de certificado CA.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PEM certificate file, or clear the field.</source>
        <translation>Elija un archivo de certificado PEM, o deje el campo vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not logged in to ChileMedido.</source>
        <translation>No ha iniciado sesión en ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the gateway&apos;s refresh token in Connection and log in.</source>
        <translation>Pegue el token de refresco de la puerta de enlace en Conexión e inicie sesión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pasted text is not a ChileMedido token.</source>
        <translation>El texto pegado no es un token de ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the whole refresh token the ChileMedido administrator sent (it starts with eyJ).</source>
        <translation>Pegue completo el token de refresco que envió el administrador de ChileMedido (empieza con eyJ).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The refresh token has expired.</source>
        <translation>El token de refresco está vencido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the ChileMedido administrator for a new refresh token.</source>
        <translation>Pida un token de refresco nuevo al administrador de ChileMedido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido refused the token.</source>
        <translation>ChileMedido rechazó el token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It may have been replaced by a newer one, revoked, or be for another environment. Log in with the newest refresh token, or ask the administrator for a new one.</source>
        <translation>Puede haber sido reemplazado por uno más nuevo, revocado, o ser de otro ambiente. Inicie sesión con el token de refresco más reciente, o pida uno nuevo al administrador.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido has no meter with that number.</source>
        <translation>ChileMedido no tiene un medidor con ese número.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the number against the meter&apos;s registration on the platform: it must match exactly, spaces and accents included.</source>
        <translation>Compare el número con el registro del medidor en la plataforma: debe coincidir exactamente, incluidos espacios y tildes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That meter belongs to another provider.</source>
        <translation>Ese medidor pertenece a otro proveedor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter&apos;s number, and that the token is for the right gateway.</source>
        <translation>Revise el número del medidor y que el token sea de la puerta de enlace correcta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido refused the measurement.</source>
        <translation>ChileMedido rechazó la medición.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was stored. The details below say which value it refused.</source>
        <translation>No se guardó nada. Los detalles indican qué valor rechazó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The measurement has a value that cannot be sent.</source>
        <translation>La medición tiene un valor que no se puede enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter reading for the variable named in the details.</source>
        <translation>Revise la lectura del medidor para la variable indicada en los detalles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido had a problem.</source>
        <translation>ChileMedido tuvo un problema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is lost: try again in a few minutes. If it persists, contact ChileMedido support.</source>
        <translation>No se pierde nada: vuelva a intentarlo en unos minutos. Si persiste, contacte al soporte de ChileMedido.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido gave an answer Medido did not expect.</source>
        <translation>ChileMedido entregó una respuesta que Medido no esperaba.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the API address in Connection; the details show the answer.</source>
        <translation>Revise la dirección de la API en Conexión; los detalles muestran la respuesta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API address cannot be used.</source>
        <translation>No se puede usar la dirección de la API.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like https://in.chilemedido.cl/api/v1 (no user, no ? or #).</source>
        <translation>Escríbala como https://in.chilemedido.cl/api/v1 (sin usuario, sin ? ni #).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token could not be remembered on this computer.</source>
        <translation>No se pudo guardar el token en este computador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It works while Medido is open; after closing you will need the newest refresh token again.</source>
        <translation>Funciona mientras Medido esté abierto; al cerrarlo necesitará de nuevo el token de refresco más reciente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The computer&apos;s credential store refused to keep the token.</source>
        <translation>El almacén de credenciales del computador no quiso guardar el token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It works while Medido is open. Unlock the credential store (or sign in to Windows again) and log in once more to remember it.</source>
        <translation>Funciona mientras Medido esté abierto. Desbloquee el almacén de credenciales (o vuelva a entrar a Windows) e inicie sesión otra vez para que se recuerde.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The computer&apos;s credential store did not answer.</source>
        <translation>El almacén de credenciales del computador no respondió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token works while Medido is open; it may not be remembered after closing.</source>
        <translation>El token funciona mientras Medido esté abierto; puede que no se recuerde al cerrarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {file} cannot be used as a token file.</source>
        <translation>El archivo {file} no sirve como archivo de token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Choose the file the ChileMedido administrator sent, or paste the token.</source>
        <translation>Elija el archivo que le envió el administrador de ChileMedido, o pegue el token.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The file {file} holds no ChileMedido refresh token.</source>
        <translation>El archivo {file} no contiene ningún token de refresco de ChileMedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The meter did not answer.</source>
        <translation>El medidor no respondió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/gui/meter_texts.py" line="+65"/>
        <source>Check the unit id, the RS-485 wiring (A/B), the baud rate and parity, and that the meter is powered.</source>
        <translation>Revise el ID de unidad, el cableado RS-485 (A/B), la velocidad (baudios) y la paridad, y que el medidor esté energizado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The meter or gateway refused the connection.</source>
        <translation>El medidor o gateway rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the IP address and port (usually 502), and that Modbus TCP is on.</source>
        <translation>Revise la dirección IP y el puerto (normalmente 502), y que Modbus TCP esté activado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter or gateway cannot be reached.</source>
        <translation>No se puede llegar al medidor o gateway.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the IP address, the cable, and that the laptop is on the same network.</source>
        <translation>Revise la dirección IP, el cable, y que el notebook esté en la misma red.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter&apos;s host name could not be found.</source>
        <translation>No se encontró el nombre de host del medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the meter&apos;s or gateway&apos;s IP address instead.</source>
        <translation>Use en su lugar la dirección IP del medidor o gateway.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the meter was lost.</source>
        <translation>Se perdió la conexión con el medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medido reconnects by itself; check the cable.</source>
        <translation>Medido se reconecta solo; revise el cable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port is not there.</source>
        <translation>No se encuentra el puerto serie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug in the USB RS-485 adapter, then choose its port again.</source>
        <translation>Conecte el adaptador USB RS-485 y vuelva a elegir su puerto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port is in use or cannot be opened.</source>
        <translation>El puerto serie está en uso o no se puede abrir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close other programs that use the port, or unplug and replug the adapter.</source>
        <translation>Cierre otros programas que usen el puerto, o desconecte y vuelva a conectar el adaptador.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The serial adapter was unplugged.</source>
        <translation>Se desconectó el adaptador serie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug it in again; Medido reconnects by itself.</source>
        <translation>Vuelva a conectarlo; Medido se reconecta solo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter sent a reply Medido cannot read.</source>
        <translation>El medidor envió una respuesta que Medido no puede leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the serial settings (baud rate, parity) and that only one device answers at this unit id.</source>
        <translation>Revise los ajustes serie (baudios, paridad) y que solo un equipo responda en este ID de unidad.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
    <message>
        <location filename="../../app/gui/check_texts.py" line="+13"/>
        <source>The bundle lacks part of the site (the API, the device or the registers).</source>
        <translation>Al paquete le falta parte del sitio (la API, el dispositivo o los registros).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the bundle after running the check on site, with the meter connected.</source>
        <translation>Haga el paquete después de ejecutar la verificación en el sitio, con el medidor conectado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter&apos;s clock holds no valid date.</source>
        <translation>El reloj del medidor no tiene una fecha válida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its clock may never have been set: set it from Medido (if its profile allows), from its display or from its software.</source>
        <translation>Puede que su reloj nunca se haya ajustado: ajústelo desde Medido (si su perfil lo permite), desde su pantalla o desde su software.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Medido does not know where this meter keeps its clock.</source>
        <translation>Medido no sabe dónde guarda su reloj este medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter&apos;s time on its display.</source>
        <translation>Revise la hora del medidor en su pantalla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter refused to give its clock.</source>
        <translation>El medidor se negó a entregar su reloj.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile&apos;s clock registers may not match this model or firmware; see the details.</source>
        <translation>Puede que los registros de reloj del perfil no correspondan a este modelo o firmware; vea los detalles.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Medido cannot set this meter&apos;s clock.</source>
        <translation>Medido no puede ajustar el reloj de este medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set it from the meter&apos;s display or its configuration software.</source>
        <translation>Ajústelo desde la pantalla del medidor o desde su software de configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter refused the set-clock command.</source>
        <translation>El medidor rechazó la orden de ajustar el reloj.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter may not accept writes over Modbus: set the time from its display.</source>
        <translation>Puede que el medidor no acepte escrituras por Modbus: ajuste la hora desde su pantalla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The clock command was sent, but its result could not be read.</source>
        <translation>La orden de reloj se envió, pero no se pudo leer su resultado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the clocks again to see whether the meter took the new time.</source>
        <translation>Compare de nuevo los relojes para ver si el medidor tomó la nueva hora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter did not set its clock (result code {result}).</source>
        <translation>El medidor no ajustó su reloj (código de resultado {result}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On Schneider meters, 3000 usually means Com. Protection is on: on the meter&apos;s display, enter the configuration mode, set Com. Protection to Disable, then try again (turn it back on afterwards if the site requires it).</source>
        <translation>En los medidores Schneider, 3000 suele indicar que Com. Protection está activada: en la pantalla del medidor, entre al modo de configuración, deje Com. Protection en Disable y vuelva a intentarlo (después actívela de nuevo si la instalación lo exige).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That is within tolerance.</source>
        <translation>Está dentro de la tolerancia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measurements would be stamped {amount} off.</source>
        <translation>Las mediciones quedarían con la hora desfasada en {amount}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measurements would be stamped at the wrong time.</source>
        <translation>Las mediciones quedarían con la hora equivocada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The measurement is too uncertain to judge a {tolerance} tolerance.</source>
        <translation>La incertidumbre de la comparación es demasiado grande para juzgar una tolerancia de {tolerance}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare again: a slow or busy connection makes it coarse.</source>
        <translation>Compare de nuevo: una conexión lenta o congestionada la hace imprecisa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is a whole {hours} h: the laptop&apos;s time zone setting is wrong (its clock was set to the local time by hand under another zone).</source>
        <translation>Son {hours} h exactas: el huso horario del notebook está mal configurado (su reloj se puso a la hora local a mano con otro huso).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the right time zone in Windows and turn on automatic time.</source>
        <translation>Elija el huso horario correcto en Windows y active la hora automática.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is a whole {hours} h, the local offset: the meter keeps local time, but Medido reads it as UTC.</source>
        <translation>Son {hours} h exactas, el desfase local: el medidor usa la hora local, pero Medido la lee como UTC.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the meter&apos;s zone ({zone}) under &quot;The meter keeps&quot;.</source>
        <translation>Elija el huso del medidor ({zone}) en «El medidor usa».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is a whole {hours} h: the meter&apos;s time zone setting is wrong, not its clock.</source>
        <translation>Son {hours} h exactas: lo que está mal es el huso horario configurado en el medidor, no su reloj.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the meter&apos;s time zone to {zone}, or choose what it keeps under &quot;The meter keeps&quot;.</source>
        <translation>Configure el medidor con el huso de {zone}, o elija lo que usa en «El medidor usa».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is a whole {hours} h, the offset between UTC and {zone}: the meter shows UTC, but Medido reads it as local time.</source>
        <translation>Son {hours} h exactas, el desfase entre UTC y {zone}: el medidor muestra la hora UTC, pero Medido la lee como hora local.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set the meter to local time, or choose UTC under &quot;The meter keeps&quot;.</source>
        <translation>Configure el medidor con la hora local, o elija UTC en «El medidor usa».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is a whole {hours} h: the meter&apos;s daylight saving time setting is wrong (it missed the last change, or uses other dates than {zone}), not its clock.</source>
        <translation>Son {hours} h exactas: lo que está mal es la configuración de horario de verano del medidor (no hizo el último cambio, o usa otras fechas que {zone}), no su reloj.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fix the meter&apos;s DST setting, or turn it off and set the time by hand after each change.</source>
        <translation>Corrija la configuración de horario de verano del medidor, o desactívela y ajuste la hora a mano después de cada cambio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is a whole {hours} h: the meter applies daylight saving time, but {zone} has none (Magallanes and Aysén stay on UTC−03:00 all year).</source>
        <translation>Son {hours} h exactas: el medidor aplica horario de verano, pero {zone} no lo tiene (Magallanes y Aysén se mantienen en UTC−03:00 todo el año).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn DST off in the meter.</source>
        <translation>Desactive el horario de verano en el medidor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is nothing to send.</source>
        <translation>No hay nada que enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a reading from the meter (Meter step).</source>
        <translation>Espere una lectura del medidor (paso Medidor).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request has more measures than ChileMedido takes at once (100).</source>
        <translation>El envío tiene más mediciones de las que ChileMedido acepta de una vez (100).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Send them in several requests.</source>
        <translation>Envíelas en varias partes.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The measures span more than the one day ChileMedido takes at once.</source>
        <translation>Las mediciones abarcan más de un día; ChileMedido acepta como máximo un día por envío.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meter number is empty.</source>
        <translation>El número del medidor está vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look the meter up in the Device step.</source>
        <translation>Busque el medidor en el paso Dispositivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A timestamp is not in whole seconds.</source>
        <translation>Una marca de tiempo no está en segundos enteros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Send the details to support.</source>
        <translation>Envíe los detalles a soporte.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>A timestamp looks like milliseconds; ChileMedido expects seconds.</source>
        <translation>Una marca de tiempo parece estar en milisegundos; ChileMedido espera segundos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The measurement is stamped in the future.</source>
        <translation>La medición tiene una hora en el futuro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clock that stamped it is wrong: check the Clock step.</source>
        <translation>El reloj que le puso la hora está mal: revise el paso Reloj.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The measurement is more than a month old.</source>
        <translation>La medición tiene más de un mes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If this is a live reading, the clock that stamped it is wrong: check the Clock step.</source>
        <translation>Si es una lectura actual, el reloj que le puso la hora está mal: revise el paso Reloj.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The measurement has no values; ChileMedido refuses it.</source>
        <translation>La medición no tiene valores; ChileMedido la rechaza.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the meter gives values for this meter&apos;s variables.</source>
        <translation>Revise que el medidor entregue valores para las variables de este medidor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value of &quot;{sensor}&quot; is not a number.</source>
        <translation>El valor de «{sensor}» no es un número.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the profile&apos;s data type for this variable.</source>
        <translation>Revise el tipo de dato del perfil para esta variable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value of &quot;{sensor}&quot; is not a finite number.</source>
        <translation>El valor de «{sensor}» no es un número finito.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Check the profile&apos;s data type and word order for this variable.</source>
        <translation>Revise el tipo de dato y el orden de palabras del perfil para esta variable.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The value of &quot;{sensor}&quot; is one no meter can produce.</source>
        <translation>El valor de &quot;{sensor}&quot; es uno que ningún medidor puede producir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile decodes this register wrongly (type, word order, scale or a &apos;not available&apos; pattern): check the profile and the unit id. It is never uploaded.</source>
        <translation>El perfil decodifica mal este registro (tipo, orden de palabras, escala o un patrón de &apos;no disponible&apos;): revise el perfil y el id de unidad. Nunca se sube.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;{sensor}&quot; is not how ChileMedido spells it: &quot;{suggestion}&quot;.</source>
        <translation>«{sensor}» no se escribe así en ChileMedido: «{suggestion}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accents and case must match exactly; fix the name in the profile, or its values will be ignored.</source>
        <translation>Las tildes y las mayúsculas deben coincidir exactamente; corrija el nombre en el perfil, o sus valores se ignorarán.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;{sensor}&quot; is not a ChileMedido variable.</source>
        <translation>«{sensor}» no es una variable de ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server will ignore its values with a warning.</source>
        <translation>El servidor ignorará sus valores con una advertencia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter gave no value for it in this reading.</source>
        <translation>El medidor no entregó un valor para ella en esta lectura.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ChileMedido expects it, but the meter profile does not read it.</source>
        <translation>ChileMedido la espera, pero el perfil del medidor no la lee.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a profile that maps it, or ask the administrator to remove it from the meter.</source>
        <translation>Use un perfil que la incluya, o pida al administrador que la quite del medidor.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not configured for this meter on ChileMedido: the server would ignore it.</source>
        <translation>No está configurada para este medidor en ChileMedido: el servidor la ignoraría.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its value is not a finite number.</source>
        <translation>Su valor no es un número finito.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its value is one no meter can produce, so it is left out.</source>
        <translation>Su valor es uno que ningún medidor puede producir, por eso se omite.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the profile&apos;s data type, word order and scale for this variable.</source>
        <translation>Revise el tipo de dato, el orden de palabras y la escala del perfil para esta variable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On ChileMedido, this meter does not have &quot;{sensor}&quot; configured, so its value was ignored.</source>
        <translation>En ChileMedido, este medidor no tiene configurada «{sensor}», así que su valor se ignoró.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the ChileMedido administrator to add it to the meter, or ignore this if the meter is not meant to report it.</source>
        <translation>Pida al administrador de ChileMedido que la agregue al medidor, o ignore este aviso si el medidor no debe informarla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido accepted the upload with a warning.</source>
        <translation>ChileMedido aceptó el envío con una advertencia.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The upload history cannot be used.</source>
        <translation>No se puede usar el historial de envíos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploads still work. If this persists, close Medido and rename or delete the file named in the details.</source>
        <translation>Los envíos siguen funcionando. Si esto continúa, cierre Medido y cambie el nombre o borre el archivo indicado en los detalles.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The upload history was written by a newer Medido.</source>
        <translation>El historial de envíos lo escribió una versión más nueva de Medido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was left untouched; update Medido to see it.</source>
        <translation>Quedó sin cambios; actualice Medido para verlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The upload outbox cannot be used.</source>
        <translation>No se puede usar la bandeja de salida de subidas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploads are sent without it, but one that fails is not re-sent by itself. Close Medido and check the disk; the details name the file.</source>
        <translation>Las subidas se envían sin ella, pero una que falle no se reenvía sola. Cierre Medido y revise el disco; los detalles indican el archivo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The upload outbox was written by a newer Medido.</source>
        <translation>La bandeja de salida de subidas fue escrita por un Medido más nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was left untouched; update Medido to send what it holds.</source>
        <translation>Se dejó intacta; actualice Medido para enviar lo que contiene.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle file is not there.</source>
        <translation>El archivo del paquete no está.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the .zip file support or the installer sent.</source>
        <translation>Elija el archivo .zip que envió soporte o el instalador.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is not a zip file.</source>
        <translation>Este archivo no es un archivo zip.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Choose the .zip file that Medido&apos;s Save diagnostics bundle wrote.</source>
        <translation>Elija el archivo .zip que escribió «Guardar paquete de diagnóstico» de Medido.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>This zip file is not a Medido diagnostics bundle.</source>
        <translation>Este archivo zip no es un paquete de diagnóstico de Medido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This bundle was written by a newer Medido.</source>
        <translation>Este paquete lo escribió un Medido más nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update Medido to open it.</source>
        <translation>Actualice Medido para abrirlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle is damaged.</source>
        <translation>El paquete está dañado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for the bundle again; the details say which part is unreadable.</source>
        <translation>Pida el paquete de nuevo; los detalles dicen qué parte no se puede leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds no site to reproduce.</source>
        <translation>El paquete no contiene ningún sitio que reproducir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the bundle after running the check on site.</source>
        <translation>Haga el paquete después de ejecutar la verificación en el sitio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bundle&apos;s meter profile cannot be read.</source>
        <translation>No se puede leer el perfil de medidor del paquete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The details say what is wrong in it; ask for the bundle again.</source>
        <translation>Los detalles dicen qué está mal en él; pida el paquete de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to put in a bundle yet.</source>
        <translation>Aún no hay nada que poner en un paquete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the check first (the Check step, or medido check).</source>
        <translation>Ejecute primero la verificación (el paso Verificación, o medido check).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle could not be written.</source>
        <translation>No se pudo escribir el paquete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another folder; the details say why.</source>
        <translation>Elija otra carpeta; los detalles dicen por qué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle was not written: it would have held a token.</source>
        <translation>No se escribió el paquete: habría contenido un token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the log to Medido&apos;s developers; this is a bug.</source>
        <translation>Envíe el registro a los desarrolladores de Medido; es un error del programa.</translation>
    </message>
    <message>
        <location filename="../../app/gui/meter_texts.py" line="-48"/>
        <source>A serial setting in the meter address cannot be used.</source>
        <translation>Un ajuste serie de la dirección del medidor no se puede usar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the baud rate, the parity (N, E or O) and the stop bits (1 or 2); the details name the wrong part.</source>
        <translation>Revise la tasa de baudios, la paridad (N, E u O) y los bits de parada (1 o 2); los detalles indican la parte incorrecta.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A meter address starts with tcp://, rtu:// or rtutcp://.</source>
        <translation>La dirección de un medidor empieza con tcp://, rtu:// o rtutcp://.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the link type, or paste an address like tcp://192.168.1.50:502.</source>
        <translation>Elija el tipo de enlace, o pegue una dirección como tcp://192.168.1.50:502.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter address has no usable host.</source>
        <translation>La dirección del medidor no tiene un host utilizable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the meter&apos;s or the gateway&apos;s IP address, e.g. 192.168.1.50.</source>
        <translation>Escriba la dirección IP del medidor o del gateway, por ejemplo 192.168.1.50.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port in the meter address cannot be used.</source>
        <translation>El puerto de la dirección del medidor no se puede usar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a serial port (COM3, /dev/ttyUSB0), or a TCP port from 1 to 65535 (Modbus TCP is usually 502).</source>
        <translation>Elija un puerto serie (COM3, /dev/ttyUSB0), o un puerto TCP de 1 a 65535 (Modbus TCP suele ser 502).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The unit id must be a whole number from 0 to 247.</source>
        <translation>El ID de unidad debe ser un número entero de 0 a 247.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Modbus address set on the meter (often 1).</source>
        <translation>Use la dirección Modbus configurada en el medidor (a menudo 1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The serial port stopped working.</source>
        <translation>El puerto serie dejó de funcionar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the USB adapter and its cable; Medido reconnects by itself.</source>
        <translation>Revise el adaptador USB y su cable; Medido se vuelve a conectar solo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the unit id (the meter&apos;s Modbus address, which a gateway passes on), the IP address and port, and that the meter or its gateway is on.</source>
        <translation>Revise el ID de unidad (la dirección Modbus del medidor, que el gateway transmite), la dirección IP y el puerto, y que el medidor o su gateway esté encendido.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check the unit id, the gateway&apos;s IP address and port, and behind it the RS-485 wiring (A/B), the baud rate and parity.</source>
        <translation>Revise el ID de unidad, la dirección IP y el puerto del gateway y, detrás de él, el cableado RS-485 (A/B), la velocidad (baudios) y la paridad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that the IP address and port are the meter&apos;s Modbus TCP (not RTU over TCP), and that only one device answers at this unit id.</source>
        <translation>Revise que la dirección IP y el puerto sean los de Modbus TCP del medidor (no RTU sobre TCP), y que solo un equipo responda en este ID de unidad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that the gateway speaks RTU over TCP (not Modbus TCP), its baud rate and parity, and that only one device answers at this unit id.</source>
        <translation>Revise que el gateway use RTU sobre TCP (no Modbus TCP), su velocidad (baudios) y paridad, y que solo un equipo responda en este ID de unidad.</translation>
    </message>
</context>
<context>
    <name>KnownGateways</name>
    <message>
        <location filename="../../app/gui/steps/connection/known_gateways.py" line="+67"/>
        <source>Remembered gateways</source>
        <translation>Puertas de enlace recordadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No token is remembered for this server on this computer.</source>
        <translation>Este computador no recuerda ningún token para este servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in with &amp;this one</source>
        <translation>Iniciar sesión con &amp;esta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider %1 · gateway %2</source>
        <translation>Proveedor %1 · puerta de enlace %2</translation>
    </message>
</context>
<context>
    <name>LinkSettings</name>
    <message>
        <location filename="../../app/gui/steps/meter/link_settings.py" line="+113"/>
        <source>Modbus TCP</source>
        <translation>Modbus TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RTU (serial port)</source>
        <translation>RTU (puerto serie)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RTU over TCP</source>
        <translation>RTU sobre TCP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None (N)</source>
        <translation>Ninguna (N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Even (E)</source>
        <translation>Par (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Odd (O)</source>
        <translation>Impar (O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP port</source>
        <translation>Puerto TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial port</source>
        <translation>Puerto serie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baud rate</source>
        <translation>Tasa de baudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parity</source>
        <translation>Paridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop bits</source>
        <translation>Bits de parada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit id</source>
        <translation>ID de unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter URI</source>
        <translation>URI del medidor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List the serial ports again</source>
        <translation>Volver a listar los puertos serie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same settings as one line, e.g. tcp://192.168.1.50:502?unit=1; paste one and press Enter to fill the fields.</source>
        <translation>Los mismos ajustes en una línea, por ejemplo tcp://192.168.1.50:502?unit=1; pegue una y presione Enter para llenar los campos.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Not present now</source>
        <translation>No está conectado ahora</translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <location filename="../../app/gui/widgets/link_status.py" line="+46"/>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot connect</source>
        <translation>No se puede conectar</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round trip</source>
        <translation>Ida y vuelta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last poll</source>
        <translation>Última lectura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read plan</source>
        <translation>Plan de lectura</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2 retries)</source>
        <translation>%1 (%2 reintentos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 timeouts)</source>
        <translation>%1 (%2 sin respuesta a tiempo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2 / %3 ms (min / avg / max)</source>
        <translation>%1 / %2 / %3 ms (mín. / prom. / máx.)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, took %2 ms</source>
        <translation>%1, tardó %2 ms</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected, but the meter does not answer</source>
        <translation>Conectado, pero el medidor no responde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected, but no values are read</source>
        <translation>Conectado, pero no se lee ningún valor</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n request(s) per poll</source>
        <translation>
            <numerusform>%n solicitud por lectura</numerusform>
            <numerusform>%n solicitudes por lectura</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 registers, %2 ms modelled</source>
        <translation>%1 registros, %2 ms estimados</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next attempt in %1 s.</source>
        <translation>Próximo intento en %1 s.</translation>
    </message>
</context>
<context>
    <name>LoginPointer</name>
    <message>
        <location filename="../../app/gui/steps/device/login_pointer.py" line="+34"/>
        <source>ChileMedido no longer accepts this session&apos;s token. &lt;a href=&quot;connection&quot;&gt;Log in again with the newest refresh token on the Connection step&lt;/a&gt;.</source>
        <translation>ChileMedido ya no acepta el token de esta sesión. &lt;a href=&quot;connection&quot;&gt;Vuelva a iniciar sesión con el token de refresco más reciente en el paso Conexión&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are not logged in to ChileMedido. Meters are looked up with the gateway&apos;s token: &lt;a href=&quot;connection&quot;&gt;log in first on the Connection step&lt;/a&gt;.</source>
        <translation>No ha iniciado sesión en ChileMedido. Los medidores se buscan con el token de la puerta de enlace: &lt;a href=&quot;connection&quot;&gt;primero inicie sesión en el paso Conexión&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>LookupBar</name>
    <message>
        <location filename="../../app/gui/steps/device/lookup_bar.py" line="+14"/>
        <source>Meter number</source>
        <translation>Número de medidor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ChileMedido id</source>
        <translation>ID de ChileMedido</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Look up by:</source>
        <translation>Buscar por:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 29, or MED-04/Ñuñoa as registered</source>
        <translation>p. ej. 29, o MED-04/Ñuñoa tal como está registrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number, e.g. 29</source>
        <translation>un número entero, p. ej. 29</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+265"/>
        <source>About Medido</source>
        <translation>Acerca de Medido</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&lt;h3&gt;Medido %1&lt;/h3&gt;&lt;p&gt;Commissioning tool for energy meters that report to ChileMedido: connect, read the meter, check its clock and send a test measurement before leaving the site.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Medido %1&lt;/h3&gt;&lt;p&gt;Herramienta de puesta en marcha para medidores de energía que reportan a ChileMedido: conectar, leer el medidor, revisar su reloj y enviar una medición de prueba antes de retirarse del lugar.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;Time-zone rules: IANA %1. Chile changes its daylight saving dates now and then; a Medido built after such a change carries the new rules.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Reglas de zona horaria: IANA %1. Chile cambia de vez en cuando sus fechas de horario de verano; un Medido construido después de un cambio trae las reglas nuevas.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;p&gt;Medido could not start: %1&lt;/p&gt;&lt;p&gt;Close other copies of Medido and start it again. If this happens again, send this message to support.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Medido no pudo iniciarse: %1&lt;/p&gt;&lt;p&gt;Cierre las otras copias de Medido y vuelva a abrirlo. Si vuelve a ocurrir, envíe este mensaje a soporte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Medido could not start</source>
        <translation>Medido no pudo iniciarse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open diagnostics bundle</source>
        <translation>Abrir paquete de diagnóstico</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save diagnostics bundle</source>
        <translation>Guardar paquete de diagnóstico</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Diagnostics bundle saved.</source>
        <translation>Paquete de diagnóstico guardado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it to support; it holds no token.</source>
        <translation>Envíelo a soporte; no contiene ningún token.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>demo (local emulator and simulated meter)</source>
        <translation>demostración (emulador local y medidor simulado)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open bundle…</source>
        <translation>&amp;Abrir paquete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Tráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;console…</source>
        <translation>&amp;Consola de registros…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register &amp;addresses</source>
        <translation>&amp;Direcciones de registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;0-based (as sent on the wire)</source>
        <translation>Base &amp;0 (como viajan por el bus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;1-based (as in many manuals)</source>
        <translation>Base &amp;1 (como en muchos manuales)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System</source>
        <translation>Del &amp;sistema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Medido</source>
        <translation>&amp;Acerca de Medido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;diagnostics bundle…</source>
        <translation>Guardar paquete de &amp;diagnóstico…</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../app/gui/message_banner.py" line="+222"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Cerrar aviso</translation>
    </message>
</context>
<context>
    <name>MeterClockBox</name>
    <message>
        <location filename="../../app/gui/steps/clock/meter_clock_box.py" line="+66"/>
        <source>Meter clock</source>
        <translation>Reloj del medidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Set the meter clock to ChileMedido&apos;s time…</source>
        <translation>&amp;Ajustar el reloj a la hora de ChileMedido…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter&apos;s time will change now. Its energy profile and event logs may get a gap or a repeated interval at this moment. Set the clock?</source>
        <translation>La hora del medidor va a cambiar ahora. Sus registros de perfil de energía y de eventos pueden quedar con un hueco o un intervalo repetido en este momento. ¿Ajustar el reloj?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the clock</source>
        <translation>Ajustar el reloj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>MeterPage</name>
    <message>
        <location filename="../../app/gui/steps/meter/page.py" line="+84"/>
        <source>Read every variable from the meter, and check that each one makes sense.</source>
        <translation>Lea todas las variables del medidor y revise que cada una tenga sentido.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Unit %1 is set; connect to read it.</source>
        <translation>Quedó configurada la unidad %1; conéctese para leerla.</translation>
    </message>
</context>
<context>
    <name>MeterReadout</name>
    <message>
        <location filename="../../app/gui/steps/meter/meter_readout.py" line="+114"/>
        <source>Addresses in this plan are 0-based.</source>
        <translation>Las direcciones de este plan parten de 0.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No reading yet.</source>
        <translation>Todavía no hay lecturas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 variables with a value</source>
        <translation>%1 de %2 variables con valor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — last reading at %2</source>
        <translation>%1 — última lectura a las %2</translation>
    </message>
</context>
<context>
    <name>MeterSetup</name>
    <message>
        <location filename="../../app/gui/steps/meter/meter_setup.py" line="+40"/>
        <source>Where the meter is</source>
        <translation>Dónde está el medidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polling</source>
        <translation>Lectura periódica</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../app/gui/steps/upload/outbox_panel.py" line="+41"/>
        <source>Send &amp;now</source>
        <translation>&amp;Enviar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 upload(s) (%2 measures) wait to be sent; they go by themselves when ChileMedido answers again.</source>
        <translation>%1 subida(s) (%2 mediciones) esperan ser enviadas; se envían solas cuando ChileMedido vuelva a responder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Discard waiting uploads</source>
        <translation>Descartar las subidas en espera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard %1 upload(s) (%2 measures) that ChileMedido has not stored? They will not be sent, and this cannot be undone.</source>
        <translation>¿Descartar %1 subida(s) (%2 mediciones) que ChileMedido no ha guardado? No se enviarán, y esto no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>PlotPage</name>
    <message>
        <location filename="../../app/gui/steps/plot/page.py" line="+122"/>
        <source>Watch the values over time: a load that switches on, three phases alike.</source>
        <translation>Observe los valores en el tiempo: una carga que se enciende, tres fases parejas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+100"/>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+100"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Show the last</source>
        <translation>Mostrar los últimos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>5 minutes</source>
        <translation>5 minutos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export P&amp;NG…</source>
        <translation>Exportar P&amp;NG…</translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>%n reading(s) in memory</source>
        <translation>
            <numerusform>%n lectura en memoria</numerusform>
            <numerusform>%n lecturas en memoria</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused — %1</source>
        <translation>En pausa — %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Local time (%1)</source>
        <translation>Hora local (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The image could not be saved.</source>
        <translation>No se pudo guardar la imagen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2 (profile %3) · unit %4 · %5</source>
        <translation>%1 %2 (perfil %3) · unidad %4 · %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No meter connected</source>
        <translation>Ningún medidor conectado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meter %1 · %2</source>
        <translation>Medidor %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 to %3 %4, local time (%5)</source>
        <translation>%1 %2 a %3 %4, hora local (%5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported by Medido on %1 at %2.</source>
        <translation>Exportado por Medido el %1 a las %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units: %1</source>
        <translation>Unidades: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n fila.</numerusform>
            <numerusform>%n filas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export PNG</source>
        <translation>Exportar PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>PollControls</name>
    <message>
        <location filename="../../app/gui/steps/meter/poll_controls.py" line="+58"/>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poll every</source>
        <translation>Leer cada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Stop polling</source>
        <translation>&amp;Detener lectura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start &amp;polling</source>
        <translation>Iniciar &amp;lectura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Auto-detect…</source>
        <translation>Detectar &amp;automáticamente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read p&amp;lan</source>
        <translation>&amp;Plan de lectura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the link with these settings and poll</source>
        <translation>Abrir el enlace con estos ajustes y leer periódicamente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find the meters that answer on this port or gateway, and their profiles</source>
        <translation>Buscar los medidores que responden en este puerto o gateway, y sus perfiles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the register blocks each poll reads</source>
        <translation>Mostrar los bloques de registros que se piden en cada lectura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings above changed: press Reconnect to read the meter they name.</source>
        <translation>Los datos de arriba cambiaron: pulse Reconectar para leer el medidor que indican.</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/meter/profile_picker.py" line="+71"/>
        <source>%1 — %2 (%n variable(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n variable)</numerusform>
            <numerusform>%1 — %2 (%n variables)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingLook</name>
    <message>
        <location filename="../../app/gui/reading_look.py" line="+65"/>
        <source>The meter answers, but none of the profile&apos;s values were read.</source>
        <translation>El medidor responde, pero no se leyó ninguno de los valores del perfil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong profile or unit id: choose the profile of this meter&apos;s model (Auto-detect finds it) and check the unit id set on the meter.</source>
        <translation>Perfil o ID de unidad equivocado: elija el perfil del modelo de este medidor (la detección automática lo encuentra) y revise el ID de unidad configurado en el medidor.</translation>
    </message>
</context>
<context>
    <name>ReadingTableModel</name>
    <message>
        <location filename="../../app/gui/steps/meter/reading_table.py" line="+35"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fn</source>
        <translation>Fn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1-based</source>
        <translation>base %1</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Registers</source>
        <translation>Registros</translation>
    </message>
</context>
<context>
    <name>RegisterConsole</name>
    <message>
        <location filename="../../app/gui/register_console.py" line="+122"/>
        <source>Register console</source>
        <translation>Consola de registros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holding registers (3)</source>
        <translation>Registros holding (3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input registers (4)</source>
        <translation>Registros de entrada (4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coils (1)</source>
        <translation>Bobinas (1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrete inputs (2)</source>
        <translation>Entradas discretas (2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holding registers, several (16)</source>
        <translation>Registros holding, varios (16)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holding register, one (6)</source>
        <translation>Registro holding, uno (6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coils, several (15)</source>
        <translation>Bobinas, varias (15)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coil, one (5)</source>
        <translation>Bobina, una (5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0-based</source>
        <translation>Base 0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1-based</source>
        <translation>Base 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Function</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3059, 0x0BF3, or Modicon 43060 / 300001</source>
        <translation>3059, 0x0BF3, o Modicon 43060 / 300001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Count</source>
        <translation>&amp;Cantidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type and word order</source>
        <translation>&amp;Tipo y orden de palabras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Read</source>
        <translation>&amp;Leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fu&amp;nction</source>
        <translation>Fu&amp;nción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Values</source>
        <translation>&amp;Valores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1003 0 2025 0x0A, or 1 0 1 for coils</source>
        <translation>1003 0 2025 0x0A, o 1 0 1 para bobinas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write…</source>
        <translation>&amp;Escribir…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No meter is connected. Connect one on the Meter step to use the console.</source>
        <translation>No hay ningún medidor conectado. Conecte uno en el paso Medidor para usar la consola.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meter: %1</source>
        <translation>Medidor: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>Unit %1 took the %n value(s).</source>
        <translation>
            <numerusform>La unidad %1 aceptó el valor (%n).</numerusform>
            <numerusform>La unidad %1 aceptó los %n valores.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unit %1 answered with Modbus exception %2.</source>
        <translation>La unidad %1 respondió con la excepción Modbus %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the function, the address and the count against the manual.</source>
        <translation>Revise la función, la dirección y la cantidad con el manual.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Medido cannot read that address or those values.</source>
        <translation>Medido no puede leer esa dirección o esos valores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses: a number in the chosen base, 0x0BF3 (as on the wire), or Modicon 4xxxx / 3xxxx / 1xxxx / 0xxxx that matches the function. Registers take 0..65535 (or -32768..-1), coils 0 or 1.</source>
        <translation>Direcciones: un número en la base elegida, 0x0BF3 (como en el cable), o Modicon 4xxxx / 3xxxx / 1xxxx / 0xxxx acorde a la función. Los registros aceptan 0..65535 (o -32768..-1), las bobinas 0 o 1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/register_widgets.py" line="+88"/>
        <source>Write %n coil(s) at coils %1 of unit %2?</source>
        <translation>
            <numerusform>¿Escribir %n bobina en las bobinas %1 de la unidad %2?</numerusform>
            <numerusform>¿Escribir %n bobinas en las bobinas %1 de la unidad %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Write %n register(s) at holding %1 of unit %2?</source>
        <translation>
            <numerusform>¿Escribir %n registro en holding %1 de la unidad %2?</numerusform>
            <numerusform>¿Escribir %n registros en holding %1 de la unidad %2?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Addresses %1 to %2 on the wire, with function %3. Values: %4</source>
        <translation>Direcciones %1 a %2 en el cable, con la función %3. Valores: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write to the meter</source>
        <translation>Escribir en el medidor</translation>
    </message>
</context>
<context>
    <name>RegisterTable</name>
    <message>
        <location line="-66"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raw (hex)</source>
        <translation>Crudo (hex)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decoded</source>
        <translation>Decodificado</translation>
    </message>
</context>
<context>
    <name>ReportBox</name>
    <message>
        <location filename="../../app/gui/steps/check/report_box.py" line="+102"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Site:</source>
        <translation>&amp;Sitio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Installer:</source>
        <translation>&amp;Instalador:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or address of the site</source>
        <translation>Nombre o dirección del sitio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name or company</source>
        <translation>Su nombre o empresa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve report</source>
        <translation>&amp;Guardar informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the report as HTML, PDF and JSON</source>
        <translation>Escribir el informe en HTML, PDF y JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open report</source>
        <translation>&amp;Abrir informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;folder</source>
        <translation>Abrir &amp;carpeta</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved in %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report goes to %1 (HTML, PDF and JSON).</source>
        <translation>El informe se guarda en %1 (HTML, PDF y JSON).</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <location filename="../../app/gui/steps/meter/scan_dialog.py" line="+131"/>
        <source>Auto-detect meters</source>
        <translation>Detectar medidores automáticamente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for meters on %1</source>
        <translation>Buscando medidores en %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit ids</source>
        <translation>IDs de unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baud rates</source>
        <translation>Tasas de baudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parities</source>
        <translation>Paridades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel scan</source>
        <translation>&amp;Cancelar búsqueda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use this</source>
        <translation>&amp;Usar este</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Probing unit %1 — %2</source>
        <translation>Probando la unidad %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifying unit %1 — %2</source>
        <translation>Identificando la unidad %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n meter(s) found</source>
        <translation>
            <numerusform>Se encontró %n medidor</numerusform>
            <numerusform>Se encontraron %n medidores</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped. %1</source>
        <translation>Detenido. %1</translation>
    </message>
</context>
<context>
    <name>ScanResults</name>
    <message>
        <location filename="../../app/gui/steps/meter/scan_results.py" line="+41"/>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Likely profile</source>
        <translation>Perfil probable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unit %1</source>
        <translation>Unidad %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit %1 — %2</source>
        <translation>Unidad %1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No profile fits</source>
        <translation>Ningún perfil calza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No plausible voltage or frequency.</source>
        <translation>No hay un voltaje ni una frecuencia plausibles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>also possible: %1</source>
        <translation>también posible: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Word order %1, not the profile&apos;s</source>
        <translation>Orden de palabras %1, no el del perfil</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The meter sends multi-register values in %1 order, not the profile&apos;s. Change the meter&apos;s setting, or use a profile with that order.</source>
        <translation>El medidor envía los valores de varios registros en orden %1, no en el del perfil. Cambie el ajuste del medidor o use un perfil con ese orden.</translation>
    </message>
</context>
<context>
    <name>SensorPicker</name>
    <message>
        <location filename="../../app/gui/steps/plot/sensor_picker.py" line="+12"/>
        <source>Active power</source>
        <translation>Potencia activa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voltage</source>
        <translation>Voltaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current</source>
        <translation>Corriente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactive power</source>
        <translation>Potencia reactiva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power factor</source>
        <translation>Factor de potencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harmonic distortion</source>
        <translation>Distorsión armónica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active energy</source>
        <translation>Energía activa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactive energy</source>
        <translation>Energía reactiva</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>SensorStatus</name>
    <message>
        <location filename="../../app/gui/steps/meter/sensor_status.py" line="+23"/>
        <source>illegal function</source>
        <translation>función no permitida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter does not support this read function: the profile may use function 4 where the meter wants 3, or the other way round.</source>
        <translation>El medidor no admite esta función de lectura: el perfil puede usar la función 4 donde el medidor espera la 3, o al revés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>illegal data address</source>
        <translation>dirección de datos no permitida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter has no register at this address: another model or variant, or an address off by one.</source>
        <translation>El medidor no tiene un registro en esta dirección: otro modelo o variante, o una dirección corrida en uno.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>illegal data value</source>
        <translation>valor de datos no permitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter refused the request, often for asking too many registers.</source>
        <translation>El medidor rechazó la solicitud, a menudo por pedir demasiados registros.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>device failure</source>
        <translation>falla del equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter could not give the value now; Medido asks at every poll.</source>
        <translation>El medidor no pudo entregar el valor ahora; Medido lo pide en cada lectura.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>device busy</source>
        <translation>equipo ocupado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter is busy; Medido asks again at every poll.</source>
        <translation>El medidor está ocupado; Medido vuelve a pedirlo en cada lectura.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gateway path unavailable</source>
        <translation>ruta del gateway no disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway has no route to this unit: check its settings.</source>
        <translation>El gateway no tiene ruta hacia esta unidad: revise su configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gateway target did not respond</source>
        <translation>el destino del gateway no respondió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway answers but the meter behind it does not: check the unit id, the RS-485 wiring and the serial settings.</source>
        <translation>El gateway responde pero el medidor detrás de él no: revise el ID de unidad, el cableado RS-485 y los ajustes serie.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not read</source>
        <translation>No leído</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impossible value</source>
        <translation>Valor imposible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK, partial sum</source>
        <translation>OK, suma parcial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing register (exception %1)</source>
        <translation>Registro inexistente (excepción %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exception %1</source>
        <translation>Excepción %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The meter answered, with its pattern for &apos;no value here&apos;.</source>
        <translation>El medidor respondió con su patrón de «sin valor aquí».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The poll ended before this value was read.</source>
        <translation>La lectura terminó antes de leer este valor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The registers decode to a value no meter can produce: the profile (type, word order, scale) or the unit id is wrong. It is not shown as a value and is never uploaded.</source>
        <translation>Los registros se decodifican como un valor que ningún medidor puede producir: el perfil (tipo, orden de palabras, escala) o el id de unidad están mal. No se muestra como valor y nunca se sube.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The value is the sum of the parts this meter has; it lacks one (e.g. a second tariff). Compare it with the meter&apos;s display.</source>
        <translation>El valor es la suma de las partes que tiene este medidor; le falta una (p. ej. una segunda tarifa). Compárelo con la pantalla del medidor.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/gui/status_bar.py" line="+124"/>
        <source>not logged in</source>
        <translation>sin sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logging in…</source>
        <translation>iniciando sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <location line="+23"/>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>renewing the token…</source>
        <translation>renovando el token…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token expired</source>
        <translation>token vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido: %1</source>
        <translation>ChileMedido: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Access token renews itself in %1.</source>
        <translation>El token de acceso se renueva solo en %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Refresh token valid for %n day(s).</source>
        <translation>
            <numerusform>Token de refresco válido por %n día.</numerusform>
            <numerusform>Token de refresco válido por %n días.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gateway %1</source>
        <translation>Puerta de enlace %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for the first reading.</source>
        <translation>Esperando la primera lectura.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter: %1</source>
        <translation>Medidor: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 values read.</source>
        <translation>%1 de %2 valores leídos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not answering</source>
        <translation>no responde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answers, but no values read</source>
        <translation>responde, pero sin valores leídos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No values since %1</source>
        <translation>Sin valores desde las %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No values read yet</source>
        <translation>Aún sin valores leídos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No reading yet</source>
        <translation>Aún sin lecturas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last reading: %1</source>
        <translation>Última lectura: %1</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../app/gui/steps/step.py" line="+26"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload</source>
        <translation>Subir medición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
</context>
<context>
    <name>TokenBox</name>
    <message>
        <location filename="../../app/gui/steps/connection/token_box.py" line="+123"/>
        <source>Refresh token</source>
        <translation>Token de refresco</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load from &amp;file…</source>
        <translation>Cargar desde &amp;archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember the token in this computer&apos;s credential store</source>
        <translation>&amp;Recordar el token en el almacén de credenciales de este computador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logging in gets a new refresh token, and ChileMedido may then refuse the one pasted here. If it is the gateway&apos;s own token, the gateway may need the newest one afterwards (Session: Copy or Save newest token). Where the provider can issue one, commission with a token of your own and leave the gateway&apos;s alone.</source>
        <translation>Al iniciar sesión se obtiene un nuevo token de actualización, y ChileMedido puede rechazar luego el que se pegó aquí. Si es el token de la propia puerta de enlace, después ella puede necesitar el más reciente (Sesión: Copiar o Guardar el token más reciente). Donde el proveedor pueda emitir uno, haga la puesta en marcha con un token propio y no toque el de la puerta de enlace.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Refresh token file</source>
        <translation>Archivo con el token de refresco</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token files (*.json *.txt);;All files (*)</source>
        <translation>Archivos de token (*.json *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Provider %1 · gateway %2 · expires %3</source>
        <translation>Proveedor %1 · puerta de enlace %2 · vence el %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This computer has no credential store: the token works while Medido is open; after closing it you will need the newest refresh token again.</source>
        <translation>Este computador no tiene almacén de credenciales: el token funciona mientras Medido esté abierto; al cerrarlo necesitará de nuevo el token de refresco más reciente.</translation>
    </message>
</context>
<context>
    <name>TokenClaims</name>
    <message>
        <location filename="../../app/gui/steps/connection/token_claims.py" line="+22"/>
        <source>nothing was pasted</source>
        <translation>no se pegó nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a token has three parts separated by dots, this text has not</source>
        <translation>un token tiene tres partes separadas por puntos y este texto no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has characters a token never contains</source>
        <translation>tiene caracteres que un token nunca contiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>its contents cannot be read</source>
        <translation>su contenido no se puede leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has no expiry date</source>
        <translation>no tiene fecha de vencimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>its dates are not valid</source>
        <translation>sus fechas no son válidas</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway:</source>
        <translation>Puerta de enlace (gateway):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer:</source>
        <translation>Emisor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued:</source>
        <translation>Emitido:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires:</source>
        <translation>Vence:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Expired on %1: ask the ChileMedido administrator for a new one.</source>
        <translation>Venció el %1: pida uno nuevo al administrador de ChileMedido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is an access token (it lasts hours). Log in with the refresh token.</source>
        <translation>Este es un token de acceso (dura horas). Inicie sesión con el token de refresco.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Valid: %n day(s) left.</source>
        <translation>
            <numerusform>Válido: queda %n día.</numerusform>
            <numerusform>Válido: quedan %n días.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not a whole token yet: part of it is missing. Paste the rest after what is there, or paste the whole token again.</source>
        <translation>Aún no es un token completo: falta una parte. Pegue el resto después de lo que ya está, o pegue de nuevo el token completo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it cannot be read</source>
        <translation>no se puede leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a token: %1. Paste the whole refresh token the ChileMedido administrator sent.</source>
        <translation>Esto no es un token: %1. Pegue el token de refresco completo que le envió el administrador de ChileMedido.</translation>
    </message>
</context>
<context>
    <name>TokenInput</name>
    <message>
        <location filename="../../app/gui/steps/connection/token_input.py" line="+83"/>
        <source>Paste here the refresh token the ChileMedido administrator sent (line breaks and spaces from the e-mail or PDF do not matter).</source>
        <translation>Pegue aquí el token de refresco que le envió el administrador de ChileMedido (no importan los saltos de línea ni los espacios del correo o del PDF).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh token pasted (hidden). Its claims are shown below.</source>
        <translation>Token de refresco pegado (oculto). Sus datos se muestran abajo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste &amp;another</source>
        <translation>Pegar &amp;otro</translation>
    </message>
</context>
<context>
    <name>ToleranceBox</name>
    <message>
        <location filename="../../app/gui/steps/clock/tolerance_box.py" line="+52"/>
        <source>Tolerance</source>
        <translation>Tolerancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pass within:</source>
        <translation>&amp;Aprobado hasta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warn up to:</source>
        <translation>A&amp;dvertencia hasta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beyond that, the clock fails.</source>
        <translation>Por sobre eso, el reloj queda reprobado.</translation>
    </message>
</context>
<context>
    <name>TrafficDock</name>
    <message>
        <location filename="../../app/gui/traffic_dock.py" line="+147"/>
        <source>Save traffic</source>
        <translation>Guardar tráfico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 could not be saved: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries saved to %1.</source>
        <translation>
            <numerusform>%n entrada guardada en %1.</numerusform>
            <numerusform>%n entradas guardadas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show one channel only</source>
        <translation>Mostrar solo un canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the list; new entries appear when you resume</source>
        <translation>Congela la lista; las entradas nuevas aparecen al reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the list (the log kept for support stays)</source>
        <translation>Vacía la lista (el registro para soporte se conserva)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected entries, or all shown</source>
        <translation>Copia las entradas seleccionadas, o todas las visibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the entries shown to a text file</source>
        <translation>Guardar las entradas mostradas en un archivo de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an entry to see its detail.</source>
        <translation>Seleccione una entrada para ver su detalle.</translation>
    </message>
</context>
<context>
    <name>TrafficModel</name>
    <message>
        <location filename="../../app/gui/traffic_model.py" line="+103"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir.</source>
        <translation>Dir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>UploadAnswer</name>
    <message>
        <location filename="../../app/gui/steps/upload/upload_answer.py" line="+40"/>
        <source>ChileMedido answered HTTP %1: stored.</source>
        <translation>ChileMedido respondió HTTP %1: guardada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido answered HTTP %1 but did not confirm it stored it.</source>
        <translation>ChileMedido respondió HTTP %1, pero no confirmó que la guardó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(ChileMedido said: “%1”)</source>
        <translation>(ChileMedido dijo: «%1»)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not stored (HTTP %1): %2</source>
        <translation>No se guardó (HTTP %1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido said: “%1”</source>
        <translation>ChileMedido dijo: «%1»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It waits in the outbox and is sent again by itself when ChileMedido answers.</source>
        <translation>Queda en la bandeja de salida y se vuelve a enviar sola cuando ChileMedido responda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The measurement is kept above: change it or send it again.</source>
        <translation>La medición se mantiene arriba: modifíquela o envíela de nuevo.</translation>
    </message>
</context>
<context>
    <name>UploadHistoryView</name>
    <message>
        <location filename="../../app/gui/steps/upload/upload_history_view.py" line="+75"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select an upload to see what was sent.</source>
        <translation>Seleccione un envío para ver lo que se mandó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stored, with warnings: %1</source>
        <translation>Guardada, con advertencias: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not stored: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not stored</source>
        <translation>No se guardó</translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <location filename="../../app/gui/steps/upload/page.py" line="+120"/>
        <source>Send a test measurement from the meter&apos;s current reading and see what ChileMedido answers.</source>
        <translation>Envíe una medición de prueba con la lectura actual del medidor y vea qué responde ChileMedido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Freeze this reading</source>
        <translation>&amp;Congelar esta lectura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this reading in the preview while the meter polls.</source>
        <translation>Mantiene esta lectura en la vista previa mientras se sigue leyendo el medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send test measurement</source>
        <translation>&amp;Enviar medición de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History (newest first)</source>
        <translation>Historial (lo más reciente primero)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending to ChileMedido…</source>
        <translation>Enviando a ChileMedido…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>ChileMedido stored the test measurement, with warnings.</source>
        <translation>ChileMedido guardó la medición de prueba, con advertencias.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their meaning is shown below the Send button.</source>
        <translation>Su significado aparece bajo el botón Enviar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ChileMedido stored the test measurement.</source>
        <translation>ChileMedido guardó la medición de prueba.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelled. ChileMedido may or may not have stored it; sending again is safe (a measurement is stored once).</source>
        <translation>Cancelado. Puede que ChileMedido la haya guardado o no; enviarla de nuevo no tiene riesgo (cada medición se guarda una sola vez).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Not logged in: &lt;a href=&quot;connection&quot;&gt;log in on the Connection step&lt;/a&gt;.</source>
        <translation>Sin sesión iniciada: &lt;a href=&quot;connection&quot;&gt;inicie sesión en el paso Conexión&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No meter chosen: &lt;a href=&quot;device&quot;&gt;look it up on the Device step&lt;/a&gt;.</source>
        <translation>No hay un medidor elegido: &lt;a href=&quot;device&quot;&gt;búsquelo en el paso Dispositivo&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reading yet: &lt;a href=&quot;meter&quot;&gt;read the meter on the Meter step&lt;/a&gt;.</source>
        <translation>Aún no hay lectura: &lt;a href=&quot;meter&quot;&gt;lea el medidor en el paso Medidor&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The measurement cannot be sent as it is: see the checks below.</source>
        <translation>La medición no se puede enviar así: vea las revisiones más abajo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reading.</source>
        <translation>Sin lectura.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading of %1 (frozen).</source>
        <translation>Lectura de las %1 (congelada).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading of %1 (live).</source>
        <translation>Lectura de las %1 (en vivo).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stamped on this laptop&apos;s clock (compare clocks to use ChileMedido&apos;s).</source>
        <translation>Con la hora del reloj de este notebook (compare los relojes para usar la de ChileMedido).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stamped on ChileMedido&apos;s clock.</source>
        <translation>Con la hora del reloj de ChileMedido.</translation>
    </message>
</context>
<context>
    <name>UploadPreview</name>
    <message>
        <location filename="../../app/gui/steps/upload/upload_preview.py" line="+84"/>
        <source>What will be sent (JSON, exactly as sent)</source>
        <translation>Lo que se enviará (JSON, tal como se envía)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Left out (%1), and why</source>
        <translation>Omitidas (%1), y por qué</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send the unconfigured ones too (to see ChileMedido&apos;s warning)</source>
        <translation>&amp;Enviar también las no configuradas (para ver la advertencia)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checks: nothing ChileMedido would refuse.</source>
        <translation>Revisiones: nada que ChileMedido fuera a rechazar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot send</source>
        <translation>No se puede enviar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
</context>
<context>
    <name>ZonesBox</name>
    <message>
        <location filename="../../app/gui/steps/clock/clock_zones.py" line="+19"/>
        <source>Continental Chile (America/Santiago)</source>
        <translation>Chile continental (America/Santiago)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magallanes (America/Punta_Arenas)</source>
        <translation>Magallanes (America/Punta_Arenas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aysén (America/Coyhaique)</source>
        <translation>Aysén (America/Coyhaique)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Easter Island (Pacific/Easter)</source>
        <translation>Isla de Pascua (Pacific/Easter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Time zones</source>
        <translation>Husos horarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meter &amp;keeps:</source>
        <translation>El medidor &amp;usa:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Magallanes (America/Punta_Arenas) has no daylight saving time: it stays on UTC−03:00 all year.</source>
        <translation>Magallanes (America/Punta_Arenas) no tiene horario de verano: se mantiene en UTC−03:00 todo el año.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This laptop&apos;s time zone: …</source>
        <translation>Huso horario de este notebook: …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This laptop&apos;s time zone: %1 (%2), Chilean.</source>
        <translation>Huso horario de este notebook: %1 (%2), chileno.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This laptop&apos;s time zone: %1 (%2), not a Chilean zone. Uploads are stamped in UTC, so they are right; but its clock shows another hour than the meter&apos;s.</source>
        <translation>Huso horario de este notebook: %1 (%2), no es chileno. Los envíos llevan la hora en UTC, así que quedan bien; pero su reloj muestra otra hora que la del medidor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next daylight saving time change in continental Chile: none known.</source>
        <translation>Próximo cambio de horario de verano en Chile continental: no se conoce ninguno.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next change in continental Chile: %1 at %2 local time, clocks go forward %3 h to %4 (%5 → %6, %7 UTC).</source>
        <translation>Próximo cambio en Chile continental: %1 a las %2 hora local, los relojes se adelantan %3 h a las %4 (%5 → %6, %7 UTC).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next change in continental Chile: %1 at %2 local time, clocks go back %3 h to %4 (%5 → %6, %7 UTC).</source>
        <translation>Próximo cambio en Chile continental: %1 a las %2 hora local, los relojes se atrasan %3 h a las %4 (%5 → %6, %7 UTC).</translation>
    </message>
</context>
</TS>
