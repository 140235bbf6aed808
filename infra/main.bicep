// The 1+2 tracker on Azure: the API on Flex Consumption (Linux, Node 22) with one storage
// account for the host and the tables, the Function App's system-assigned managed identity with
// "Storage Table Data Contributor" (tables) and "Storage Blob Data Owner" (host + deployment);
// Application Insights on a Log Analytics workspace; and the task pane's static files on an
// Azure Static Web App (https), whose origin the API's CORS allows.
// Before deploying: `az provider register --namespace Microsoft.App --wait` (and Microsoft.Web,
// Microsoft.Storage, Microsoft.OperationalInsights, Microsoft.Insights on a new subscription).
// Deploy: see infra/README.md. NOT validated here (no Azure CLI or Bicep on the build machine).

@description('Base name: letters and digits, 3–11 characters.')
param baseName string
param location string = resourceGroup().location
@secure()
@description('KEY:ROLE:ORG[:NAME], comma-separated (see api.md).')
param apiKeys string
@description('More origins allowed to call the API from a browser (a custom domain of the pane). The pane\'s Static Web App and https://localhost:3000 (development) are always allowed.')
param extraCorsOrigins array = []
@description('NCRONTAB, UTC: default 01:00 in Vietnam.')
param recalcSchedule string = '0 0 18 * * *'
@description('Static Web Apps run in a few regions only (westus2, centralus, eastus2, westeurope, eastasia).')
param paneLocation string = 'eastasia'
@description('Microsoft 365 sign-in (identity.md): the Entra ID tenant id; empty = API keys only.')
param entraTenantId string = ''
@description('The API app registration\'s application (client) id: the access tokens\' audience.')
param entraClientId string = ''
@description('Accounts that are admins without a member row: account:ORG, comma-separated (ORG * for all).')
param adminAccounts string = ''

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower('${baseName}st${suffix}')
// Function App names are global (<name>.azurewebsites.net): the suffix keeps it unique.
var appName = toLower('${baseName}-api-${suffix}')
var deploymentContainer = 'deployment'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
  resource blobs 'blobServices' = {
    name: 'default'
    resource container 'containers' = { name: deploymentContainer }
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// Workspace-based (classic Application Insights is retired).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// The task pane's static files (dist/addin), over https at https://<defaultHostname>.
resource pane 'Microsoft.Web/staticSites@2023-12-01' = {
  name: '${baseName}-pane'
  location: paneLocation
  sku: { name: 'Free', tier: 'Free' }
  properties: {}
}

var paneOrigin = 'https://${pane.properties.defaultHostname}'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  // The deployment container must exist before the app points its deployment storage at it.
  dependsOn: [storage::blobs::container]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      cors: { allowedOrigins: union(['https://localhost:3000', paneOrigin], extraCorsOrigins) }
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'TABLES_ENDPOINT', value: storage.properties.primaryEndpoints.table }
        { name: 'API_KEYS', value: apiKeys }
        { name: 'RECALC_SCHEDULE', value: recalcSchedule }
        { name: 'ENTRA_TENANT_ID', value: entraTenantId }
        { name: 'ENTRA_CLIENT_ID', value: entraClientId }
        { name: 'ADMIN_ACCOUNTS', value: adminAccounts }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: '22' }
    }
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, tableDataContributor)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, blobDataOwner)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwner)
  }
}

output apiUrl string = 'https://${app.properties.defaultHostName}/api'
output functionAppName string = app.name
output paneName string = pane.name
output paneUrl string = paneOrigin
